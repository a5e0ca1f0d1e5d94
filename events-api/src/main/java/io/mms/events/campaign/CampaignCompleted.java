package io.mms.events.campaign;

import io.mms.events.PublicEvent;

import java.time.Instant;

/** A campaign ran its course, at its scheduled end or earlier by hand; it stays as it is now. */
@PublicEvent(type = "CampaignCompleted", revision = 1)
public record CampaignCompleted(String campaignId, Instant completedAt) {
}
