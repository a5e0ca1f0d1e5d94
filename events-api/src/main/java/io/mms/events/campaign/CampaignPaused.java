package io.mms.events.campaign;

import io.mms.events.PublicEvent;

import java.time.Instant;

/** A live campaign stopped reaching its audience until it is resumed. */
@PublicEvent(type = "CampaignPaused", revision = 1)
public record CampaignPaused(String campaignId, PauseReason reason, Instant pausedAt) {
}
