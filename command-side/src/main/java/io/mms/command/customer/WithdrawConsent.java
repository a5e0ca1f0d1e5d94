package io.mms.command.customer;

import io.mms.events.campaign.Channel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Record that a customer no longer agrees to be contacted on a channel for a purpose.
 * {@code at} is when they said so; null means now.
 */
public record WithdrawConsent(
        @TargetAggregateIdentifier String customerId,
        Channel channel,
        String purpose,
        String source,
        Instant at) {
}
