package io.mms.events.customer;

import io.mms.events.PublicEvent;
import io.mms.events.campaign.Channel;

import java.time.Instant;

/**
 * A customer agreed to be contacted on a channel for a purpose (such as {@code marketing}).
 * The source says where the agreement was given, such as {@code signup-form}; the time is
 * when it was given, which can be earlier than when MMS learned of it.
 */
@PublicEvent(type = "ConsentGranted", revision = 1)
public record ConsentGranted(
        String customerId,
        Channel channel,
        String purpose,
        String source,
        Instant grantedAt) {
}
