package io.mms.projections.performance;

import io.mms.events.Money;

import java.util.List;

/**
 * A campaign's funnel and revenue on one UTC day: sends by the day they were sent,
 * engagement by the day it happened. Unique counts are per day.
 *
 * @param day     the day, as {@code YYYY-MM-DD}
 * @param revenue the revenue of that day's conversions, one amount per currency
 */
public record DailyPerformance(String day, Funnel funnel, List<Money> revenue) {
}
