package io.mms.command.customer;

import io.mms.events.customer.CustomerRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.time.Instant;

/** What the customer tests share: a registered customer and a fixture that can claim emails. */
final class CustomerFixtures {

    static final Instant REGISTERED_AT = Instant.parse("2026-03-01T09:30:00Z");
    static final Instant NOW = Instant.parse("2026-03-05T14:00:00Z");

    static final CustomerRegistered REGISTERED =
            new CustomerRegistered("cu-1", "Ada@Example.com", "Ada Lovelace", REGISTERED_AT);

    private CustomerFixtures() {
    }

    static AggregateTestFixture<Customer> fixture(EmailRegistry emails) {
        AggregateTestFixture<Customer> fixture = new AggregateTestFixture<>(Customer.class);
        fixture.registerInjectableResource(emails);
        return fixture;
    }
}
