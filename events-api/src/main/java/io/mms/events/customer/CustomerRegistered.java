package io.mms.events.customer;

import io.mms.events.PersonalData;
import io.mms.events.PublicEvent;

import java.time.Instant;

/** A customer became known to MMS. */
@PublicEvent(type = "CustomerRegistered", revision = 1)
public record CustomerRegistered(
        String customerId,
        @PersonalData String email,
        @PersonalData String name,
        Instant registeredAt) {
}
