package io.mms.events.customer;

import io.mms.events.Nullable;
import io.mms.events.PersonalData;
import io.mms.events.PublicEvent;

import java.time.Instant;
import java.util.Map;

/**
 * A customer's profile changed. It carries the whole profile as it is afterwards, so a reader
 * needs no earlier event to know it; {@code phone} and {@code locale} are null when unknown.
 */
@PublicEvent(type = "CustomerProfileUpdated", revision = 1)
public record CustomerProfileUpdated(
        String customerId,
        @PersonalData String name,
        @PersonalData @Nullable String phone,
        @Nullable String locale,
        @PersonalData Map<String, String> attributes,
        Instant updatedAt) {
}
