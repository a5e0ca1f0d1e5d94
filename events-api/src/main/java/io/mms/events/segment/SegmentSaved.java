package io.mms.events.segment;

import io.mms.events.PublicEvent;
import io.mms.events.audience.AudienceRule;

import java.time.Instant;

/** A marketer saved a named audience rule as a segment, whose members MMS keeps current from then on. */
@PublicEvent(type = "SegmentSaved", revision = 1)
public record SegmentSaved(String segmentId, String name, AudienceRule rule, Instant savedAt) {
}
