package io.mms.events.customer;

import io.mms.events.PersonalData;
import io.mms.events.PublicEvent;

import java.time.Instant;

/** A customer is now reached at another email address; the previous one is free again. */
@PublicEvent(type = "CustomerEmailChanged", revision = 1)
public record CustomerEmailChanged(String customerId, @PersonalData String email, Instant changedAt) {
}
