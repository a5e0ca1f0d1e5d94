package io.mms.command.delivery.process;

import io.mms.events.audience.AudienceRule;
import io.mms.events.campaign.CampaignAudienceDefined;
import io.mms.events.campaign.CampaignCreated;
import io.mms.events.campaign.CampaignDetailsChanged;
import io.mms.events.campaign.Channel;

/**
 * What a launched campaign sends and to whom, folded from the campaign's own events: its
 * channel, its audience, and its name and description as the message.
 */
record DeliveryPlan(String campaignId, Channel channel, AudienceRule audience, String subject, String body) {

    static DeliveryPlan empty(String campaignId) {
        return new DeliveryPlan(campaignId, null, null, null, null);
    }

    DeliveryPlan apply(Object event) {
        if (event instanceof CampaignCreated created) {
            return new DeliveryPlan(campaignId, created.channel(), audience, created.name(), created.description());
        }
        if (event instanceof CampaignDetailsChanged changed) {
            return new DeliveryPlan(campaignId, channel, audience, changed.name(), changed.description());
        }
        if (event instanceof CampaignAudienceDefined defined) {
            return new DeliveryPlan(campaignId, channel, defined.audience(), subject, body);
        }
        return this;
    }

    /** The text of the message: the description, or the name when there is none. */
    String text() {
        return body == null || body.isBlank() ? subject : body;
    }
}
