package io.mms.command.customer;

import io.mms.events.customer.CustomerEmailChanged;
import io.mms.events.customer.CustomerRegistered;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.mms.command.customer.CustomerFixtures.NOW;
import static io.mms.command.customer.CustomerFixtures.REGISTERED;
import static io.mms.command.rejection.CommandRejected.Reason.CONFLICT;
import static io.mms.command.rejection.CommandRejected.Reason.VALIDATION;
import static io.mms.command.rejection.Rejections.rejectedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** Registering a customer and changing its email address, which no two customers share. */
class CustomerTest {

    private InMemoryEmailRegistry emails;
    private AggregateTestFixture<Customer> fixture;

    @BeforeEach
    void createFixture() {
        emails = new InMemoryEmailRegistry();
        fixture = CustomerFixtures.fixture(emails);
    }

    @Test
    void registeringRecordsTheCustomerWithATrimmedEmail() {
        fixture.givenCurrentTime(NOW)
                .when(new RegisterCustomer("cu-1", "  ada@example.com ", "Ada Lovelace"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CustomerRegistered("cu-1", "ada@example.com", "Ada Lovelace", NOW));
    }

    @Test
    void registeringClaimsTheNormalizedEmail() {
        fixture.givenCurrentTime(NOW)
                .when(new RegisterCustomer("cu-1", " Ada@Example.COM", "Ada Lovelace"))
                .expectEvents(new CustomerRegistered("cu-1", "Ada@Example.COM", "Ada Lovelace", NOW));

        assertThat(emails.claims()).isEqualTo(Map.of("ada@example.com", "cu-1"));
    }

    @Test
    void registeringWithAnEmailAnotherCustomerHoldsIsAConflictThatNamesNoOne() {
        emails.claim("ada@example.com", "cu-2");

        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer("cu-1", "ADA@example.com ", "Ada Lovelace"))
                .expectException(rejectedFor(CONFLICT))
                .expectExceptionMessage(allOf(containsString("already registered"), not(containsString("cu-2"))))
                .expectNoEvents();

        assertThat(emails.claims()).isEqualTo(Map.of("ada@example.com", "cu-2"));
    }

    @Test
    void registeringWithABlankNameIsRejectedAsInvalidAndClaimsNothing() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer("cu-1", "ada@example.com", "  "))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage("name must not be blank")
                .expectNoEvents();

        assertThat(emails.claims()).isEmpty();
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

    @Test
    void changingTheEmailClaimsTheNewAddressAndReleasesTheOld() {
        emails.claim("ada@example.com", "cu-1");

        fixture.given(REGISTERED)
                .andGivenCurrentTime(NOW)
                .when(new ChangeCustomerEmail("cu-1", " countess@example.com "))
                .expectEvents(new CustomerEmailChanged("cu-1", "countess@example.com", NOW));

        assertThat(emails.claims()).isEqualTo(Map.of("countess@example.com", "cu-1"));
    }

    @Test
    void changingToAnAddressAnotherCustomerHoldsIsAConflictAndKeepsTheOldClaim() {
        emails.claim("ada@example.com", "cu-1");
        emails.claim("grace@example.com", "cu-2");

        fixture.given(REGISTERED)
                .when(new ChangeCustomerEmail("cu-1", "Grace@example.com"))
                .expectException(rejectedFor(CONFLICT))
                .expectExceptionMessage(not(containsString("cu-2")))
                .expectNoEvents();

        assertThat(emails.claims()).containsEntry("ada@example.com", "cu-1")
                .containsEntry("grace@example.com", "cu-2");
    }

    @Test
    void changingToTheSameAddressRecordsNothing() {
        fixture.given(REGISTERED)
                .when(new ChangeCustomerEmail("cu-1", " Ada@Example.com "))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changingOnlyTheCaseRecordsTheNewSpellingAndKeepsTheClaim() {
        emails.claim("ada@example.com", "cu-1");

        fixture.given(REGISTERED)
                .andGivenCurrentTime(NOW)
                .when(new ChangeCustomerEmail("cu-1", "ada@example.com"))
                .expectEvents(new CustomerEmailChanged("cu-1", "ada@example.com", NOW));

        assertThat(emails.claims()).isEqualTo(Map.of("ada@example.com", "cu-1"));
    }

    @Test
    void changingToAMalformedEmailIsRejectedAsInvalid() {
        fixture.given(REGISTERED)
                .when(new ChangeCustomerEmail("cu-1", "countess"))
                .expectException(rejectedFor(VALIDATION))
                .expectNoEvents();
    }

    @Test
    void changingTheEmailOfACustomerThatWasNeverRegisteredFindsNothing() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCustomerEmail("cu-404", "countess@example.com"))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();

        assertThat(emails.claims()).isEmpty();
    }
}
