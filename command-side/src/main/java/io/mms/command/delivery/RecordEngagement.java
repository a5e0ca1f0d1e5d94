package io.mms.command.delivery;

import io.mms.events.Money;
import io.mms.events.delivery.EngagementKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Record what a provider reported about a message MMS sent. The customer the message was sent
 * to decides; {@link #about} addresses the command to them by the message's id.
 *
 * @param providerEventId the provider's own id for the report; a report sent again under the
 *                        same id is recognised and recorded once
 * @param revenue         what a conversion earned: required for {@code CONVERTED}, not allowed otherwise
 * @param url             the link that was followed: required for {@code CLICKED}, not allowed otherwise
 */
public record RecordEngagement(
        @TargetAggregateIdentifier String customerId,
        String messageId,
        EngagementKind kind,
        String providerEventId,
        Instant occurredAt,
        Money revenue,
        String url) {

    /** The report on the message with the given id; a malformed id names no message, so is NOT_FOUND. */
    public static RecordEngagement about(String messageId, EngagementKind kind, String providerEventId,
                                         Instant occurredAt, Money revenue, String url) {
        MessageId message = MessageId.parse(messageId);
        return new RecordEngagement(message.customerId(), message.value(), kind, providerEventId,
                occurredAt, revenue, url);
    }
}
