package io.mms.command.customer;

import io.mms.events.customer.ConsentGranted;
import io.mms.events.customer.ConsentWithdrawn;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.mms.command.customer.CustomerFixtures.NOW;
import static io.mms.command.customer.CustomerFixtures.REGISTERED;
import static io.mms.command.customer.CustomerFixtures.REGISTERED_AT;
import static io.mms.command.rejection.CommandRejected.Reason.VALIDATION;
import static io.mms.command.rejection.Rejections.rejectedFor;
import static io.mms.events.campaign.Channel.EMAIL;
import static io.mms.events.campaign.Channel.SMS;
import static org.hamcrest.Matchers.containsString;

class CustomerConsentTest {

    private static final ConsentGranted EMAIL_MARKETING =
            new ConsentGranted("cu-1", EMAIL, "marketing", "signup-form", REGISTERED_AT);

    private AggregateTestFixture<Customer> fixture;

    @BeforeEach
    void createFixture() {
        fixture = CustomerFixtures.fixture(new InMemoryEmailRegistry());
    }

    @Test
    void grantingRecordsChannelNormalizedPurposeSourceAndNow() {
        fixture.given(REGISTERED)
                .andGivenCurrentTime(NOW)
                .when(new GrantConsent("cu-1", EMAIL, " Marketing ", " signup-form ", null))
                .expectEvents(new ConsentGranted("cu-1", EMAIL, "marketing", "signup-form", NOW));
    }

    @Test
    void grantingKeepsTheTimeTheCustomerAgreed() {
        fixture.given(REGISTERED)
                .andGivenCurrentTime(NOW)
                .when(new GrantConsent("cu-1", EMAIL, "marketing", "signup-form", REGISTERED_AT))
                .expectEvents(EMAIL_MARKETING);
    }

    @Test
    void grantingWithATimeInTheFutureIsRejectedAsInvalid() {
        fixture.given(REGISTERED)
                .andGivenCurrentTime(NOW)
                .when(new GrantConsent("cu-1", EMAIL, "marketing", "signup-form", NOW.plusSeconds(1)))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage(containsString("future"))
                .expectNoEvents();
    }

    @Test
    void grantingConsentAlreadyGivenRecordsNothing() {
        fixture.given(REGISTERED, EMAIL_MARKETING)
                .when(new GrantConsent("cu-1", EMAIL, "MARKETING", "preference-center", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void consentIsPerChannelAndPurpose() {
        fixture.given(REGISTERED, EMAIL_MARKETING)
                .andGivenCurrentTime(NOW)
                .when(new GrantConsent("cu-1", SMS, "marketing", "signup-form", null))
                .expectEvents(new ConsentGranted("cu-1", SMS, "marketing", "signup-form", NOW));
        fixture.given(REGISTERED, EMAIL_MARKETING)
                .andGivenCurrentTime(NOW)
                .when(new GrantConsent("cu-1", EMAIL, "newsletter", "signup-form", null))
                .expectEvents(new ConsentGranted("cu-1", EMAIL, "newsletter", "signup-form", NOW));
    }

    @Test
    void withdrawingRecordsChannelPurposeSourceAndTime() {
        fixture.given(REGISTERED, EMAIL_MARKETING)
                .andGivenCurrentTime(NOW)
                .when(new WithdrawConsent("cu-1", EMAIL, "Marketing", "unsubscribe-link", null))
                .expectEvents(new ConsentWithdrawn("cu-1", EMAIL, "marketing", "unsubscribe-link", NOW));
    }

    @Test
    void withdrawingConsentNeverGivenRecordsNothing() {
        fixture.given(REGISTERED)
                .when(new WithdrawConsent("cu-1", EMAIL, "marketing", "unsubscribe-link", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void withdrawingTwiceRecordsNothingTheSecondTime() {
        ConsentWithdrawn withdrawn = new ConsentWithdrawn("cu-1", EMAIL, "marketing", "unsubscribe-link", NOW);

        fixture.given(REGISTERED, EMAIL_MARKETING, withdrawn)
                .when(new WithdrawConsent("cu-1", EMAIL, "marketing", "unsubscribe-link", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void consentWithdrawnCanBeGrantedAgain() {
        ConsentWithdrawn withdrawn = new ConsentWithdrawn("cu-1", EMAIL, "marketing", "unsubscribe-link", NOW);
        Instant later = NOW.plusSeconds(3600);

        fixture.given(REGISTERED, EMAIL_MARKETING, withdrawn)
                .andGivenCurrentTime(later)
                .when(new GrantConsent("cu-1", EMAIL, "marketing", "preference-center", null))
                .expectEvents(new ConsentGranted("cu-1", EMAIL, "marketing", "preference-center", later));
    }

    @Test
    void consentWithoutChannelPurposeOrSourceIsRejectedAsInvalid() {
        fixture.given(REGISTERED)
                .when(new GrantConsent("cu-1", null, "marketing", "signup-form", null))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage("channel is required");
        fixture.given(REGISTERED)
                .when(new GrantConsent("cu-1", EMAIL, " ", "signup-form", null))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage("purpose must not be blank");
        fixture.given(REGISTERED)
                .when(new WithdrawConsent("cu-1", EMAIL, "marketing", "", null))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage("source must not be blank");
    }
}
