package io.mms.events.delivery;

import io.mms.events.Nullable;
import io.mms.events.PersonalData;
import io.mms.events.PublicEvent;
import io.mms.events.campaign.Channel;

import java.time.Instant;

/**
 * A campaign's message was sent to a customer who matched its audience and held consent for
 * its channel at that moment. Recorded on the customer's stream, so a campaign's own history
 * does not grow with its audience.
 */
@PublicEvent(type = "CampaignMessageSent", revision = 1)
public record CampaignMessageSent(
        String customerId,
        String campaignId,
        String messageId,
        Channel channel,
        @PersonalData String address,
        String subject,
        @Nullable String body,
        ConsentBasis consent,
        Instant sentAt) {
}
