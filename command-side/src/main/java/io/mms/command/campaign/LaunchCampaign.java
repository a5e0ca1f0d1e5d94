package io.mms.command.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a draft campaign live. */
public record LaunchCampaign(@TargetAggregateIdentifier String campaignId) {
}
