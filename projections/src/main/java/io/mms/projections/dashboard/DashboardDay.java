package io.mms.projections.dashboard;

import java.util.List;

/**
 * One UTC day of marketing.
 *
 * @param day          the day, as {@code YYYY-MM-DD}
 * @param newCustomers customers who registered that day; registration has no channel, so
 *                     they are counted per day only
 * @param channels     sends, conversions and revenue of that day, one entry per channel
 */
public record DashboardDay(String day, long newCustomers, List<ChannelDay> channels) {
}
