package io.mms.projections.performance;

import io.mms.events.Money;

import java.util.List;

/**
 * How a campaign performs, counted from the facts its projection recorded.
 *
 * @param audienceSize the customers the campaign's message was sent to (unique sends)
 * @param revenue      everything its conversions earned, one amount per currency, by currency code
 * @param cost         the campaign's recorded spend, in its budget's currency; null if the
 *                     campaign's creation was not seen yet
 * @param roi          (revenue in the campaign's currency − cost) / cost; null while nothing was spent
 * @param daily        the funnel and revenue per UTC day, earliest first, days with facts only
 */
public record CampaignPerformance(
        String campaignId,
        long audienceSize,
        Funnel funnel,
        FunnelRates rates,
        List<Money> revenue,
        Money cost,
        Double roi,
        List<DailyPerformance> daily) {
}
