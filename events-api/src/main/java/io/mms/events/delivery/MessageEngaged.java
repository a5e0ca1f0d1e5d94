package io.mms.events.delivery;

import io.mms.events.Money;
import io.mms.events.Nullable;
import io.mms.events.PublicEvent;

import java.time.Instant;

/**
 * A provider reported what happened to a sent message: delivered, bounced, opened, clicked,
 * converted or unsubscribed. Each report is recorded once, by the provider's own event id.
 *
 * @param revenue what a conversion earned; only for {@code CONVERTED}
 * @param url     the link that was followed; only for {@code CLICKED}
 */
@PublicEvent(type = "MessageEngaged", revision = 1)
public record MessageEngaged(
        String customerId,
        String campaignId,
        String messageId,
        EngagementKind kind,
        String providerEventId,
        Instant occurredAt,
        @Nullable Money revenue,
        @Nullable String url) {
}
