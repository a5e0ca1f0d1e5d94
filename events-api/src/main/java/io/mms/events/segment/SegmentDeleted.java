package io.mms.events.segment;

import io.mms.events.PublicEvent;

import java.time.Instant;

/** A segment was deleted: it has no members any more and cannot be changed again. */
@PublicEvent(type = "SegmentDeleted", revision = 1)
public record SegmentDeleted(String segmentId, Instant deletedAt) {
}
