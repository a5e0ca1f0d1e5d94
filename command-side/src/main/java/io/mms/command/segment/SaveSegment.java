package io.mms.command.segment;

import io.mms.events.audience.AudienceRule;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Save a named audience rule as a new segment. */
public record SaveSegment(@TargetAggregateIdentifier String segmentId, String name, AudienceRule rule) {
}
