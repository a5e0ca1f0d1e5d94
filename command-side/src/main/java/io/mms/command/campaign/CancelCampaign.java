package io.mms.command.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Call a campaign off before it has run its course. */
public record CancelCampaign(@TargetAggregateIdentifier String campaignId) {
}
