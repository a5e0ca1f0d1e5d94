package io.mms.events.customer;

import io.mms.events.PublicEvent;

import java.time.Instant;

/** A tag was taken off a customer. */
@PublicEvent(type = "CustomerTagRemoved", revision = 1)
public record CustomerTagRemoved(String customerId, String tag, Instant removedAt) {
}
