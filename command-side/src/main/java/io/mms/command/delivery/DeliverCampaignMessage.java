package io.mms.command.delivery;

import io.mms.events.audience.AudienceRule;
import io.mms.events.campaign.Channel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Send a launched campaign's message to one customer, if the customer matches the audience
 * and holds marketing consent for the channel at this moment. The customer decides, so the
 * consent check and the record of the send are one decision.
 *
 * @param audience the campaign's audience; {@code null} reaches every customer who consents
 */
public record DeliverCampaignMessage(
        @TargetAggregateIdentifier String customerId,
        String campaignId,
        Channel channel,
        AudienceRule audience,
        String subject,
        String body) {

    /** The purpose a customer must have consented to for campaign messages. */
    public static final String PURPOSE = "marketing";
}
