package io.mms.projections.customer;

import java.time.Instant;

/** What frontends show about one customer. */
public record CustomerProfile(String id, String email, String name, Instant registeredAt) {
}
