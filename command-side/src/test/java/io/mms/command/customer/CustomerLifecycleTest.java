package io.mms.command.customer;

import io.mms.events.customer.CustomerStageChanged;
import io.mms.events.customer.LifecycleStage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static io.mms.command.customer.CustomerFixtures.NOW;
import static io.mms.command.customer.CustomerFixtures.REGISTERED;
import static io.mms.command.customer.CustomerFixtures.REGISTERED_AT;
import static io.mms.command.rejection.CommandRejected.Reason.CONFLICT;
import static io.mms.command.rejection.CommandRejected.Reason.VALIDATION;
import static io.mms.command.rejection.Rejections.rejectedFor;
import static io.mms.events.customer.LifecycleStage.CHURNED;
import static io.mms.events.customer.LifecycleStage.CUSTOMER;
import static io.mms.events.customer.LifecycleStage.LEAD;
import static io.mms.events.customer.LifecycleStage.SALES_QUALIFIED;

class CustomerLifecycleTest {

    private AggregateTestFixture<Customer> fixture;

    @BeforeEach
    void createFixture() {
        fixture = CustomerFixtures.fixture(new InMemoryEmailRegistry());
    }

    @Test
    void aNewCustomerIsALead() {
        fixture.given(REGISTERED)
                .andGivenCurrentTime(NOW)
                .when(new ChangeCustomerStage("cu-1", SALES_QUALIFIED))
                .expectEvents(new CustomerStageChanged("cu-1", LEAD, SALES_QUALIFIED, NOW));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "LEAD, MARKETING_QUALIFIED", "LEAD, SALES_QUALIFIED", "LEAD, CUSTOMER",
            "MARKETING_QUALIFIED, SALES_QUALIFIED", "MARKETING_QUALIFIED, CUSTOMER",
            "SALES_QUALIFIED, CUSTOMER", "SALES_QUALIFIED, MARKETING_QUALIFIED",
            "CUSTOMER, CHURNED",
            "CHURNED, CUSTOMER", "CHURNED, LEAD"})
    void allowedMoveIsRecorded(LifecycleStage from, LifecycleStage to) {
        fixture.given(historyReaching(from))
                .andGivenCurrentTime(NOW)
                .when(new ChangeCustomerStage("cu-1", to))
                .expectEvents(new CustomerStageChanged("cu-1", from, to, NOW));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "LEAD, CHURNED",
            "MARKETING_QUALIFIED, LEAD", "MARKETING_QUALIFIED, CHURNED",
            "SALES_QUALIFIED, LEAD", "SALES_QUALIFIED, CHURNED",
            "CUSTOMER, LEAD", "CUSTOMER, MARKETING_QUALIFIED", "CUSTOMER, SALES_QUALIFIED",
            "CHURNED, MARKETING_QUALIFIED", "CHURNED, SALES_QUALIFIED"})
    void forbiddenMoveIsAConflictNamingTheCurrentStage(LifecycleStage from, LifecycleStage to) {
        fixture.given(historyReaching(from))
                .when(new ChangeCustomerStage("cu-1", to))
                .expectException(rejectedFor(CONFLICT))
                .expectExceptionMessage("customer is " + from + " and cannot move to " + to)
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(LifecycleStage.class)
    void movingToTheCurrentStageRecordsNothing(LifecycleStage stage) {
        fixture.given(historyReaching(stage))
                .when(new ChangeCustomerStage("cu-1", stage))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void movingWithoutAStageIsRejectedAsInvalid() {
        fixture.given(REGISTERED)
                .when(new ChangeCustomerStage("cu-1", null))
                .expectException(rejectedFor(VALIDATION))
                .expectNoEvents();
    }

    /** A history that the lifecycle allows, from registration to the given stage. */
    private static List<Object> historyReaching(LifecycleStage stage) {
        List<Object> history = new ArrayList<>(List.of(REGISTERED));
        if (stage == CHURNED) {
            history.add(new CustomerStageChanged("cu-1", LEAD, CUSTOMER, REGISTERED_AT));
            history.add(new CustomerStageChanged("cu-1", CUSTOMER, CHURNED, REGISTERED_AT));
        } else if (stage != LEAD) {
            history.add(new CustomerStageChanged("cu-1", LEAD, stage, REGISTERED_AT));
        }
        return history;
    }
}
