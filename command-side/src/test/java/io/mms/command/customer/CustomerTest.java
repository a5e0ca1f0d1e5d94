package io.mms.command.customer;

import io.mms.events.customer.CustomerRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.mms.command.rejection.CommandRejected.Reason.VALIDATION;
import static io.mms.command.rejection.Rejections.rejectedFor;

class CustomerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");

    private AggregateTestFixture<Customer> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Customer.class);
    }

    @Test
    void registeringRecordsTheCustomerWithATrimmedEmail() {
        fixture.givenCurrentTime(NOW)
                .when(new RegisterCustomer("cu-1", "  ada@example.com ", "Ada Lovelace"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new CustomerRegistered("cu-1", "ada@example.com", "Ada Lovelace", NOW));
    }

    @Test
    void registeringWithABlankNameIsRejectedAsInvalid() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer("cu-1", "ada@example.com", "  "))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage("name must not be blank")
                .expectNoEvents();
    }

    @Test
    void registeringWithAMalformedEmailIsRejectedAsInvalid() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer("cu-1", "ada at example.com", "Ada Lovelace"))
                .expectException(rejectedFor(VALIDATION))
                .expectNoEvents();
    }

    @Test
    void registeringWithoutAnEmailIsRejectedAsInvalid() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer("cu-1", null, "Ada Lovelace"))
                .expectException(rejectedFor(VALIDATION))
                .expectNoEvents();
    }
}
