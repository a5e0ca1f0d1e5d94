package io.mms.command.delivery;

import io.mms.events.campaign.Channel;

/**
 * One message on its way to one customer.
 *
 * @param messageId  the id providers report engagement against
 * @param campaignId the campaign that sends it
 * @param customerId the customer it is for
 * @param channel    how it travels
 * @param address    where it goes: an email address, a phone number or a device
 * @param subject    a short title (the email subject)
 * @param body       the text of the message
 */
public record OutgoingMessage(
        String messageId,
        String campaignId,
        String customerId,
        Channel channel,
        String address,
        String subject,
        String body) {
}
