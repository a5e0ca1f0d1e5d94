package io.mms.projections.dashboard;

import io.mms.events.Money;
import io.mms.events.campaign.Channel;

import java.util.List;

/**
 * What one channel achieved on one day.
 *
 * @param messagesSent campaign messages sent that day through the channel
 * @param conversions  conversions reported as happening that day, on messages of the channel's campaigns
 * @param revenue      what those conversions earned, one amount per currency, by currency code
 */
public record ChannelDay(Channel channel, long messagesSent, long conversions, List<Money> revenue) {
}
