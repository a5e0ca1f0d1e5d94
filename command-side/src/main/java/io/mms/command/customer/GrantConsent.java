package io.mms.command.customer;

import io.mms.events.campaign.Channel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Record that a customer agreed to be contacted on a channel for a purpose. {@code at} is
 * when they agreed; null means now.
 */
public record GrantConsent(
        @TargetAggregateIdentifier String customerId,
        Channel channel,
        String purpose,
        String source,
        Instant at) {
}
