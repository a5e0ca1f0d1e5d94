package io.mms.command.delivery;

/** What became of a provider's report: the answer to {@link RecordEngagement}. */
public enum EngagementOutcome {
    /** The report was new and is now recorded. */
    RECORDED,
    /** A report with the same provider event id was recorded before; nothing was written. */
    DUPLICATE
}
