package io.mms.events.campaign;

import io.mms.events.Money;
import io.mms.events.PublicEvent;

import java.time.Instant;

/**
 * Money was spent on a campaign. {@code totalSpent} is everything spent on it so far, this
 * amount included, in the budget's currency.
 */
@PublicEvent(type = "CampaignSpendRecorded", revision = 1)
public record CampaignSpendRecorded(String campaignId, Money amount, Money totalSpent, Instant recordedAt) {
}
