package io.mms.command.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a paused campaign live again. */
public record ResumeCampaign(@TargetAggregateIdentifier String campaignId) {
}
