package io.mms.events.customer;

import io.mms.events.PublicEvent;
import io.mms.events.campaign.Channel;

import java.time.Instant;

/**
 * A customer no longer agrees to be contacted on a channel for a purpose. The source says
 * where they said so, such as {@code unsubscribe-link}.
 */
@PublicEvent(type = "ConsentWithdrawn", revision = 1)
public record ConsentWithdrawn(
        String customerId,
        Channel channel,
        String purpose,
        String source,
        Instant withdrawnAt) {
}
