package io.mms.projections.campaign;

import io.mms.events.Money;
import io.mms.events.campaign.Channel;
import io.mms.events.campaign.PauseReason;

import java.time.Instant;

/**
 * What frontends list about one campaign.
 *
 * @param startAt     the scheduled start, if the campaign was ever scheduled
 * @param endAt       the scheduled end, if one was set
 * @param spent       everything spent so far, in the budget's currency
 * @param pauseReason why the campaign is paused; null unless it is
 * @param audience    the rule that says whom the campaign is meant for; null while it has none
 */
public record CampaignSummary(
        String id,
        String name,
        Channel channel,
        Money budget,
        String description,
        String status,
        Instant createdAt,
        Instant launchedAt,
        Instant startAt,
        Instant endAt,
        Money spent,
        PauseReason pauseReason,
        CampaignAudience audience) {
}
