package io.mms.events.campaign;

import io.mms.events.PublicEvent;

import java.time.Instant;

/** A campaign went live and starts reaching its audience. */
@PublicEvent(type = "CampaignLaunched", revision = 1)
public record CampaignLaunched(String campaignId, Instant launchedAt) {
}
