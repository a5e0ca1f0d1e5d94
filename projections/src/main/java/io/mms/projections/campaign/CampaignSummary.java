package io.mms.projections.campaign;

import io.mms.events.Money;
import io.mms.events.campaign.Channel;

import java.time.Instant;

/** What frontends list about one campaign. */
public record CampaignSummary(
        String id,
        String name,
        Channel channel,
        Money budget,
        String description,
        String status,
        Instant createdAt,
        Instant launchedAt) {
}
