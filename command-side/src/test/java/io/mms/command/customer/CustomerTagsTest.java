package io.mms.command.customer;

import io.mms.events.customer.CustomerTagAdded;
import io.mms.events.customer.CustomerTagRemoved;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.mms.command.customer.CustomerFixtures.NOW;
import static io.mms.command.customer.CustomerFixtures.REGISTERED;
import static io.mms.command.customer.CustomerFixtures.REGISTERED_AT;
import static io.mms.command.rejection.CommandRejected.Reason.VALIDATION;
import static io.mms.command.rejection.Rejections.rejectedFor;

class CustomerTagsTest {

    private static final CustomerTagAdded TAGGED_VIP = new CustomerTagAdded("cu-1", "vip", REGISTERED_AT);

    private AggregateTestFixture<Customer> fixture;

    @BeforeEach
    void createFixture() {
        fixture = CustomerFixtures.fixture(new InMemoryEmailRegistry());
    }

    @Test
    void addingATagRecordsItTrimmedAndLowerCase() {
        fixture.given(REGISTERED)
                .andGivenCurrentTime(NOW)
                .when(new AddCustomerTag("cu-1", "  VIP "))
                .expectEvents(new CustomerTagAdded("cu-1", "vip", NOW));
    }

    @Test
    void addingATagTheCustomerHasRecordsNothing() {
        fixture.given(REGISTERED, TAGGED_VIP)
                .when(new AddCustomerTag("cu-1", "Vip"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void removingATagRecordsIt() {
        fixture.given(REGISTERED, TAGGED_VIP)
                .andGivenCurrentTime(NOW)
                .when(new RemoveCustomerTag("cu-1", " VIP"))
                .expectEvents(new CustomerTagRemoved("cu-1", "vip", NOW));
    }

    @Test
    void removingATagTheCustomerDoesNotHaveRecordsNothing() {
        fixture.given(REGISTERED, TAGGED_VIP, new CustomerTagRemoved("cu-1", "vip", REGISTERED_AT))
                .when(new RemoveCustomerTag("cu-1", "vip"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aTagRemovedCanBeAddedAgain() {
        fixture.given(REGISTERED, TAGGED_VIP, new CustomerTagRemoved("cu-1", "vip", REGISTERED_AT))
                .andGivenCurrentTime(NOW)
                .when(new AddCustomerTag("cu-1", "vip"))
                .expectEvents(new CustomerTagAdded("cu-1", "vip", NOW));
    }

    @Test
    void addingABlankTagIsRejectedAsInvalid() {
        fixture.given(REGISTERED)
                .when(new AddCustomerTag("cu-1", " "))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage("tag must not be blank")
                .expectNoEvents();
    }

    @Test
    void removingABlankTagIsRejectedAsInvalid() {
        fixture.given(REGISTERED, TAGGED_VIP)
                .when(new RemoveCustomerTag("cu-1", null))
                .expectException(rejectedFor(VALIDATION))
                .expectNoEvents();
    }
}
