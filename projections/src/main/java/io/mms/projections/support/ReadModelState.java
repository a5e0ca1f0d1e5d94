package io.mms.projections.support;

/** Where a read model stands, as far as this process can observe it. */
public enum ReadModelState {
    /** Its processor never stored a token in the read-model database. */
    NOT_STARTED,
    /** It has handled every event the store holds. */
    CAUGHT_UP,
    /** Events wait to be handled. */
    BEHIND,
    /** Its processor rebuilds it from the start of the stream. */
    REPLAYING,
    /** Its processor runs in this process and reports a failing segment. */
    ERROR
}
