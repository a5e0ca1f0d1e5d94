package io.mms.events.campaign;

import io.mms.events.Money;
import io.mms.events.Nullable;
import io.mms.events.PublicEvent;

import java.time.Instant;

/** A campaign was created as a draft. */
@PublicEvent(type = "CampaignCreated", revision = 1)
public record CampaignCreated(
        String campaignId,
        String name,
        Channel channel,
        Money budget,
        @Nullable String description,
        Instant createdAt) {
}
