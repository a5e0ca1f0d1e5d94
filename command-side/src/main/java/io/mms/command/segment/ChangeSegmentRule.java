package io.mms.command.segment;

import io.mms.events.audience.AudienceRule;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the audience rule of a segment. */
public record ChangeSegmentRule(@TargetAggregateIdentifier String segmentId, AudienceRule rule) {
}
