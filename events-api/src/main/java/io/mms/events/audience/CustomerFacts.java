package io.mms.events.audience;

import io.mms.events.customer.LifecycleStage;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What an audience rule may look at about one customer, free of any store or framework, so the
 * same rule can be evaluated wherever customers are known (delivery, read models, tests).
 *
 * @param tags         the customer's tags; null means none
 * @param stage        the customer's lifecycle stage, or null if unknown
 * @param attributes   the customer's attributes by key; null means none
 * @param registeredAt when the customer was registered, or null if unknown
 */
public record CustomerFacts(
        Set<String> tags,
        LifecycleStage stage,
        Map<String, String> attributes,
        Instant registeredAt) {

    public CustomerFacts {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
