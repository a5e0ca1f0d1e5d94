package io.mms.projections.rebuild;

/** Where a rebuild of a read model stands. */
public enum RebuildState {
    /** Asked for; the projections side starts it within a poll interval. */
    REQUESTED,
    /** The new version is being built from the first event while queries use the live one. */
    RUNNING,
    /** The new version caught up and is becoming the live one; it can no longer be cancelled. */
    SWITCHING,
    /** Queries use the rebuilt version; the one it replaced is dropped a little later. */
    COMPLETED,
    /** Asked to stop; its collections, token and dead letters are being removed. */
    CANCELLING,
    /** Stopped before it switched; the live version was never touched. */
    CANCELLED;

    /** Whether the rebuild is over, so that another may start. */
    public boolean finished() {
        return this == COMPLETED || this == CANCELLED;
    }
}
