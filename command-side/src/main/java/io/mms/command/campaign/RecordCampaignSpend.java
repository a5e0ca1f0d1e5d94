package io.mms.command.campaign;

import io.mms.events.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Note that money was spent on a live or paused campaign. */
public record RecordCampaignSpend(@TargetAggregateIdentifier String campaignId, Money amount) {
}
