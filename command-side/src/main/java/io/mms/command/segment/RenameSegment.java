package io.mms.command.segment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a segment a new name. */
public record RenameSegment(@TargetAggregateIdentifier String segmentId, String name) {
}
