package io.mms.events.campaign;

import io.mms.events.PublicEvent;
import io.mms.events.audience.AudienceRule;

import java.time.Instant;

/** The rule that says which customers a campaign is meant for was set, replacing any earlier one. */
@PublicEvent(type = "CampaignAudienceDefined", revision = 1)
public record CampaignAudienceDefined(String campaignId, AudienceRule audience, Instant definedAt) {
}
