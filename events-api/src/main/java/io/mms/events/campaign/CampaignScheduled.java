package io.mms.events.campaign;

import io.mms.events.Nullable;
import io.mms.events.PublicEvent;

import java.time.Instant;

/**
 * A campaign will launch by itself at {@code startAt} and, if {@code endAt} is given, complete
 * by itself then. A later schedule replaces this one.
 */
@PublicEvent(type = "CampaignScheduled", revision = 1)
public record CampaignScheduled(String campaignId, Instant startAt, @Nullable Instant endAt, Instant scheduledAt) {
}
