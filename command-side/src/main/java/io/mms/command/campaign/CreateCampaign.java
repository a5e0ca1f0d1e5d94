package io.mms.command.campaign;

import io.mms.events.Money;
import io.mms.events.campaign.Channel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a campaign as a draft that can still be changed before it launches. */
public record CreateCampaign(
        @TargetAggregateIdentifier String campaignId,
        String name,
        Channel channel,
        Money budget,
        String description) {
}
