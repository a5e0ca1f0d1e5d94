package io.mms.command.campaign;

import io.mms.events.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change what a campaign is called, says or may spend; a null field stays as it is. */
public record ChangeCampaignDetails(
        @TargetAggregateIdentifier String campaignId,
        String name,
        String description,
        Money budget) {
}
