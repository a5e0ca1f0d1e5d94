package io.mms.events.campaign;

import io.mms.events.PublicEvent;

import java.time.Instant;

/** A paused campaign went live again. */
@PublicEvent(type = "CampaignResumed", revision = 1)
public record CampaignResumed(String campaignId, Instant resumedAt) {
}
