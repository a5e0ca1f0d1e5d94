package io.mms.command.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a draft or scheduled campaign live now. */
public record LaunchCampaign(@TargetAggregateIdentifier String campaignId) {
}
