package io.mms.command.customer;

import io.mms.command.customer.UpdateCustomerProfile.Attribute;
import io.mms.events.customer.CustomerProfileUpdated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.mms.command.customer.CustomerFixtures.NOW;
import static io.mms.command.customer.CustomerFixtures.REGISTERED;
import static io.mms.command.customer.CustomerFixtures.REGISTERED_AT;
import static io.mms.command.rejection.CommandRejected.Reason.VALIDATION;
import static io.mms.command.rejection.Rejections.rejectedFor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

class CustomerProfileTest {

    private static final CustomerProfileUpdated FILLED_IN = new CustomerProfileUpdated("cu-1", "Ada Lovelace",
            "+44 20 7946 0000", "en-GB", Map.of("company", "Analytical Engines", "title", "Countess"), REGISTERED_AT);

    private AggregateTestFixture<Customer> fixture;

    @BeforeEach
    void createFixture() {
        fixture = CustomerFixtures.fixture(new InMemoryEmailRegistry());
    }

    @Test
    void updatingRecordsTheWholeProfileAsItIsAfterwards() {
        fixture.given(REGISTERED)
                .andGivenCurrentTime(NOW)
                .when(new UpdateCustomerProfile("cu-1", null, " +44 20 7946 0000 ", "en-gb",
                        List.of(new Attribute(" company ", " Analytical Engines "))))
                .expectEvents(new CustomerProfileUpdated("cu-1", "Ada Lovelace", "+44 20 7946 0000", "en-GB",
                        Map.of("company", "Analytical Engines"), NOW));
    }

    @Test
    void attributesAreSetByKeyAndRemovedByABlankValue() {
        fixture.given(REGISTERED, FILLED_IN)
                .andGivenCurrentTime(NOW)
                .when(new UpdateCustomerProfile("cu-1", null, null, null, List.of(
                        new Attribute("company", "Babbage & Co"), new Attribute("title", " "))))
                .expectEvents(new CustomerProfileUpdated("cu-1", "Ada Lovelace", "+44 20 7946 0000", "en-GB",
                        Map.of("company", "Babbage & Co"), NOW));
    }

    @Test
    void blankPhoneAndLocaleAreForgotten() {
        fixture.given(REGISTERED, FILLED_IN)
                .andGivenCurrentTime(NOW)
                .when(new UpdateCustomerProfile("cu-1", "Augusta Ada King", "", " ", null))
                .expectEvents(new CustomerProfileUpdated("cu-1", "Augusta Ada King", null, null,
                        FILLED_IN.attributes(), NOW));
    }

    @Test
    void anUpdateThatRepeatsTheProfileRecordsNothing() {
        fixture.given(REGISTERED, FILLED_IN)
                .when(new UpdateCustomerProfile("cu-1", " Ada Lovelace ", "+44 20 7946 0000", "EN-gb",
                        List.of(new Attribute("title", "Countess"))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anEmptyUpdateRecordsNothing() {
        fixture.given(REGISTERED)
                .when(new UpdateCustomerProfile("cu-1", null, null, null, List.of()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void removingAnAttributeThatIsNotThereRecordsNothing() {
        fixture.given(REGISTERED)
                .when(new UpdateCustomerProfile("cu-1", null, null, null, List.of(new Attribute("title", ""))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aBlankNameIsRejectedAsInvalid() {
        fixture.given(REGISTERED)
                .when(new UpdateCustomerProfile("cu-1", " ", null, null, null))
                .expectException(rejectedFor(VALIDATION))
                .expectNoEvents();
    }

    @Test
    void aPhoneThatIsNoNumberIsRejectedWithoutEchoingIt() {
        fixture.given(REGISTERED)
                .when(new UpdateCustomerProfile("cu-1", null, "call me maybe", null, null))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage(not(containsString("maybe")))
                .expectNoEvents();
    }

    @Test
    void aLocaleThatIsNoLanguageTagIsRejectedAsInvalid() {
        fixture.given(REGISTERED)
                .when(new UpdateCustomerProfile("cu-1", null, null, "en_GB", null))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage(containsString("BCP 47"))
                .expectNoEvents();
    }

    @Test
    void aBlankAttributeKeyIsRejectedAsInvalid() {
        fixture.given(REGISTERED)
                .when(new UpdateCustomerProfile("cu-1", null, null, null, List.of(new Attribute(" ", "x"))))
                .expectException(rejectedFor(VALIDATION))
                .expectNoEvents();
    }

    @Test
    void anAttributeGivenTwiceIsRejectedAsInvalid() {
        fixture.given(REGISTERED)
                .when(new UpdateCustomerProfile("cu-1", null, null, null, List.of(
                        new Attribute("company", "A"), new Attribute(" company", "B"))))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage(containsString("more than once"))
                .expectNoEvents();
    }
}
