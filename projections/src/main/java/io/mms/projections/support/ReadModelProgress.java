package io.mms.projections.support;

import org.axonframework.eventhandling.TrackingToken;

/**
 * How far a read model's processor has come.
 *
 * @param position  the position up to which every segment has handled every event, or
 *                  {@link StreamPositions#NONE} before the first event
 * @param replaying whether any segment is replaying the stream
 * @param segments  how many segments the processor has; 0 if it never ran on this database
 * @param slowest   the token of the segment that is furthest behind, where unprocessed events begin
 */
public record ReadModelProgress(long position, boolean replaying, int segments, TrackingToken slowest) {

    static final ReadModelProgress NOT_STARTED = new ReadModelProgress(StreamPositions.NONE, false, 0, null);

    public boolean started() {
        return segments > 0;
    }
}
