package io.mms.projections.timetravel;

/** An answer as of a past instant would have to replay more events than time travel may. */
public class HistoryTooLong extends RuntimeException {

    HistoryTooLong(long maxEvents) {
        super("answering this as of that instant means replaying more than " + maxEvents
                + " events; ask about an earlier instant, or raise mms.time-travel.max-events");
    }
}
