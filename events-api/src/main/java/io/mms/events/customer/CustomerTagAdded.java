package io.mms.events.customer;

import io.mms.events.PublicEvent;

import java.time.Instant;

/** A customer was tagged; tags are trimmed and lower-case. */
@PublicEvent(type = "CustomerTagAdded", revision = 1)
public record CustomerTagAdded(String customerId, String tag, Instant addedAt) {
}
