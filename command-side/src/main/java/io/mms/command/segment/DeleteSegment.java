package io.mms.command.segment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a segment for good. */
public record DeleteSegment(@TargetAggregateIdentifier String segmentId) {
}
