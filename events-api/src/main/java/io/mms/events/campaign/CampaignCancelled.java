package io.mms.events.campaign;

import io.mms.events.PublicEvent;

import java.time.Instant;

/** A campaign was called off before it ran its course; it stays as it is now. */
@PublicEvent(type = "CampaignCancelled", revision = 1)
public record CampaignCancelled(String campaignId, Instant cancelledAt) {
}
