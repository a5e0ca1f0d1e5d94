package io.mms.events.segment;

import io.mms.events.PublicEvent;

import java.time.Instant;

/** A segment was given a new name; its rule and members are untouched. */
@PublicEvent(type = "SegmentRenamed", revision = 1)
public record SegmentRenamed(String segmentId, String name, Instant renamedAt) {
}
