package io.mms.command.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a live campaign from reaching its audience until it is resumed. */
public record PauseCampaign(@TargetAggregateIdentifier String campaignId) {
}
