package io.mms.command.campaign;

import io.mms.events.audience.AudienceRule;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set the rule that says which customers the campaign is meant for. */
public record DefineCampaignAudience(@TargetAggregateIdentifier String campaignId, AudienceRule audience) {
}
