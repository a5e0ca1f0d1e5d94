package io.mms.events.campaign;

import io.mms.events.Money;
import io.mms.events.Nullable;
import io.mms.events.PublicEvent;

import java.time.Instant;

/** A campaign's name, description or budget changed; the event holds all three as they now are. */
@PublicEvent(type = "CampaignDetailsChanged", revision = 1)
public record CampaignDetailsChanged(
        String campaignId,
        String name,
        @Nullable String description,
        Money budget,
        Instant changedAt) {
}
