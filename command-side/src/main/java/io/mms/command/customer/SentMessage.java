package io.mms.command.customer;

import io.mms.events.campaign.Channel;

/** A message the customer was sent: by which campaign, on which channel. */
record SentMessage(String campaignId, Channel channel) {
}
