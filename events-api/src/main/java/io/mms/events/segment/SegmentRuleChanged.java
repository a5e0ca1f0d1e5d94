package io.mms.events.segment;

import io.mms.events.PublicEvent;
import io.mms.events.audience.AudienceRule;

import java.time.Instant;

/** A segment's audience rule was replaced; every customer is measured against the new rule from now on. */
@PublicEvent(type = "SegmentRuleChanged", revision = 1)
public record SegmentRuleChanged(String segmentId, AudienceRule rule, Instant changedAt) {
}
