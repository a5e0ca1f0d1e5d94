package io.mms.command.customer;

import io.mms.command.delivery.RecordEngagement;
import io.mms.events.Money;
import io.mms.events.customer.ConsentGranted;
import io.mms.events.customer.ConsentWithdrawn;
import io.mms.events.delivery.CampaignMessageSent;
import io.mms.events.delivery.ConsentBasis;
import io.mms.events.delivery.EngagementKind;
import io.mms.events.delivery.MessageEngaged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Instant;

import static io.mms.command.customer.CustomerFixtures.NOW;
import static io.mms.command.customer.CustomerFixtures.REGISTERED;
import static io.mms.command.customer.CustomerFixtures.REGISTERED_AT;
import static io.mms.command.delivery.EngagementOutcome.DUPLICATE;
import static io.mms.command.delivery.EngagementOutcome.RECORDED;
import static io.mms.command.rejection.CommandRejected.Reason.NOT_FOUND;
import static io.mms.command.rejection.CommandRejected.Reason.VALIDATION;
import static io.mms.command.rejection.Rejections.rejectedFor;
import static io.mms.events.campaign.Channel.EMAIL;
import static io.mms.events.campaign.Channel.SMS;
import static io.mms.events.delivery.EngagementKind.BOUNCED;
import static io.mms.events.delivery.EngagementKind.CLICKED;
import static io.mms.events.delivery.EngagementKind.CONVERTED;
import static io.mms.events.delivery.EngagementKind.DELIVERED;
import static io.mms.events.delivery.EngagementKind.OPENED;
import static io.mms.events.delivery.EngagementKind.UNSUBSCRIBED;
import static org.hamcrest.Matchers.containsString;

class CustomerEngagementTest {

    private static final String MESSAGE = "cu-1:ca-1";
    private static final Instant SENT_AT = NOW.minusSeconds(7200);
    private static final Instant OCCURRED_AT = NOW.minusSeconds(60);

    private static final ConsentGranted EMAIL_MARKETING =
            new ConsentGranted("cu-1", EMAIL, "marketing", "signup-form", REGISTERED_AT);
    private static final CampaignMessageSent SENT = new CampaignMessageSent("cu-1", "ca-1", MESSAGE, EMAIL,
            "ada@example.com", "Winter sale", "Hello Ada",
            new ConsentBasis(EMAIL, "marketing", "signup-form", REGISTERED_AT), SENT_AT);

    private AggregateTestFixture<Customer> fixture;

    @BeforeEach
    void createFixture() {
        fixture = CustomerFixtures.fixture(new InMemoryEmailRegistry());
    }

    @ParameterizedTest
    @EnumSource(value = EngagementKind.class, names = {"DELIVERED", "BOUNCED", "OPENED"})
    void aReportWithoutDetailsIsRecordedAgainstTheMessagesCampaign(EngagementKind kind) {
        fixture.given(REGISTERED, EMAIL_MARKETING, SENT)
                .andGivenCurrentTime(NOW)
                .when(report(kind, "pe-1", OCCURRED_AT, null, null))
                .expectResultMessagePayload(RECORDED)
                .expectEvents(engaged(kind, "pe-1", null, null));
    }

    @Test
    void aClickIsRecordedWithItsLink() {
        fixture.given(REGISTERED, EMAIL_MARKETING, SENT)
                .andGivenCurrentTime(NOW)
                .when(report(CLICKED, "pe-1", OCCURRED_AT, null, " https://shop.example/sale "))
                .expectEvents(engaged(CLICKED, "pe-1", null, "https://shop.example/sale"));
    }

    @Test
    void aConversionIsRecordedWithItsRevenueInAnUpperCaseCurrency() {
        fixture.given(REGISTERED, EMAIL_MARKETING, SENT)
                .andGivenCurrentTime(NOW)
                .when(report(CONVERTED, "pe-1", OCCURRED_AT, money("12.50", "eur"), null))
                .expectEvents(engaged(CONVERTED, "pe-1", money("12.50", "EUR"), null));
    }

    @Test
    void aConversionThatEarnedNothingIsRecorded() {
        fixture.given(REGISTERED, EMAIL_MARKETING, SENT)
                .andGivenCurrentTime(NOW)
                .when(report(CONVERTED, "pe-1", OCCURRED_AT, money("0", "EUR"), null))
                .expectEvents(engaged(CONVERTED, "pe-1", money("0", "EUR"), null));
    }

    @Test
    void aReportOnAMessageNeverSentToTheCustomerIsNotFoundAndWritesNothing() {
        fixture.given(REGISTERED, EMAIL_MARKETING, SENT)
                .andGivenCurrentTime(NOW)
                .when(RecordEngagement.about("cu-1:ca-2", OPENED, "pe-1", OCCURRED_AT, null, null))
                .expectException(rejectedFor(NOT_FOUND))
                .expectExceptionMessage(containsString("cu-1:ca-2"))
                .expectNoEvents();
    }

    @Test
    void aReportSentAgainUnderTheSameProviderIdIsADuplicateAndWritesNothing() {
        fixture.given(REGISTERED, EMAIL_MARKETING, SENT, engaged(OPENED, "pe-1", null, null))
                .andGivenCurrentTime(NOW)
                .when(report(OPENED, "pe-1", OCCURRED_AT, null, null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void anotherProviderIdForTheSameKindIsRecordedAgain() {
        fixture.given(REGISTERED, EMAIL_MARKETING, SENT, engaged(OPENED, "pe-1", null, null))
                .andGivenCurrentTime(NOW)
                .when(report(OPENED, "pe-2", OCCURRED_AT, null, null))
                .expectResultMessagePayload(RECORDED)
                .expectEvents(engaged(OPENED, "pe-2", null, null));
    }

    @Test
    void anUnsubscribeWithdrawsMarketingConsentOnTheMessagesChannel() {
        ConsentGranted smsMarketing = new ConsentGranted("cu-1", SMS, "marketing", "signup-form", REGISTERED_AT);

        fixture.given(REGISTERED, EMAIL_MARKETING, smsMarketing, SENT)
                .andGivenCurrentTime(NOW)
                .when(report(UNSUBSCRIBED, "pe-1", OCCURRED_AT, null, null))
                .expectResultMessagePayload(RECORDED)
                .expectEvents(engaged(UNSUBSCRIBED, "pe-1", null, null),
                        new ConsentWithdrawn("cu-1", EMAIL, "marketing", "unsubscribe", OCCURRED_AT));
    }

    @Test
    void anUnsubscribeAfterConsentWasWithdrawnOnlyRecordsTheReport() {
        ConsentWithdrawn withdrawn = new ConsentWithdrawn("cu-1", EMAIL, "marketing", "preference-center", SENT_AT);

        fixture.given(REGISTERED, EMAIL_MARKETING, SENT, withdrawn)
                .andGivenCurrentTime(NOW)
                .when(report(UNSUBSCRIBED, "pe-1", OCCURRED_AT, null, null))
                .expectEvents(engaged(UNSUBSCRIBED, "pe-1", null, null));
    }

    @Test
    void anUnsubscribeOlderThanTheConsentInForceLeavesTheConsent() {
        ConsentWithdrawn withdrawn = new ConsentWithdrawn("cu-1", EMAIL, "marketing", "preference-center", SENT_AT);
        ConsentGranted regranted = new ConsentGranted("cu-1", EMAIL, "marketing", "signup-form", OCCURRED_AT);
        Instant before = OCCURRED_AT.minusSeconds(600);

        fixture.given(REGISTERED, EMAIL_MARKETING, SENT, withdrawn, regranted)
                .andGivenCurrentTime(NOW)
                .when(report(UNSUBSCRIBED, "pe-1", before, null, null))
                .expectEvents(new MessageEngaged("cu-1", "ca-1", MESSAGE, UNSUBSCRIBED, "pe-1", before, null, null));
    }

    @Test
    void aReportFromTheFutureIsRejectedAsInvalid() {
        fixture.given(REGISTERED, EMAIL_MARKETING, SENT)
                .andGivenCurrentTime(NOW)
                .when(report(OPENED, "pe-1", NOW.plusSeconds(1), null, null))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage(containsString("future"))
                .expectNoEvents();
    }

    @Test
    void aReportWithoutTimeOrProviderIdIsRejectedAsInvalid() {
        fixture.given(REGISTERED, EMAIL_MARKETING, SENT)
                .when(report(OPENED, "pe-1", null, null, null))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage("occurredAt is required");
        fixture.given(REGISTERED, EMAIL_MARKETING, SENT)
                .when(report(OPENED, " ", OCCURRED_AT, null, null))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage("providerEventId must not be blank");
    }

    @Test
    void aConversionWithoutRevenueIsRejectedAsInvalid() {
        fixture.given(REGISTERED, EMAIL_MARKETING, SENT)
                .andGivenCurrentTime(NOW)
                .when(report(CONVERTED, "pe-1", OCCURRED_AT, null, null))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage("revenue is required")
                .expectNoEvents();
    }

    @Test
    void aConversionWithNegativeRevenueOrAnUnknownCurrencyIsRejectedAsInvalid() {
        fixture.given(REGISTERED, EMAIL_MARKETING, SENT)
                .andGivenCurrentTime(NOW)
                .when(report(CONVERTED, "pe-1", OCCURRED_AT, money("-1", "EUR"), null))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage(containsString("must not be negative"));
        fixture.given(REGISTERED, EMAIL_MARKETING, SENT)
                .andGivenCurrentTime(NOW)
                .when(report(CONVERTED, "pe-1", OCCURRED_AT, money("1", "EURO"), null))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage(containsString("ISO 4217"));
    }

    @Test
    void aClickWithoutLinkIsRejectedAsInvalid() {
        fixture.given(REGISTERED, EMAIL_MARKETING, SENT)
                .andGivenCurrentTime(NOW)
                .when(report(CLICKED, "pe-1", OCCURRED_AT, null, null))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage("url must not be blank")
                .expectNoEvents();
    }

    @Test
    void revenueOrLinkOnAKindTheyDoNotBelongToIsRejectedAsInvalid() {
        fixture.given(REGISTERED, EMAIL_MARKETING, SENT)
                .andGivenCurrentTime(NOW)
                .when(report(OPENED, "pe-1", OCCURRED_AT, money("1", "EUR"), null))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage("revenue is not allowed on a OPENED report");
        fixture.given(REGISTERED, EMAIL_MARKETING, SENT)
                .andGivenCurrentTime(NOW)
                .when(report(BOUNCED, "pe-1", OCCURRED_AT, null, "https://shop.example"))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage("url is not allowed on a BOUNCED report");
        fixture.given(REGISTERED, EMAIL_MARKETING, SENT)
                .andGivenCurrentTime(NOW)
                .when(report(CONVERTED, "pe-1", OCCURRED_AT, money("1", "EUR"), "https://shop.example"))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage("url is not allowed on a CONVERTED report");
    }

    @Test
    void aReportWithoutKindIsRejectedAsInvalid() {
        fixture.given(REGISTERED, EMAIL_MARKETING, SENT)
                .andGivenCurrentTime(NOW)
                .when(report(null, "pe-1", OCCURRED_AT, null, null))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage("kind is required");
    }

    @Test
    void theSameProviderIdOnAnotherMessageIsRecorded() {
        CampaignMessageSent other = new CampaignMessageSent("cu-1", "ca-2", "cu-1:ca-2", SMS,
                "+44 20 7946 0000", "Sale", "Hello", SENT.consent(), SENT_AT);

        fixture.given(REGISTERED, EMAIL_MARKETING, SENT, other, engaged(DELIVERED, "pe-1", null, null))
                .andGivenCurrentTime(NOW)
                .when(RecordEngagement.about("cu-1:ca-2", DELIVERED, "pe-1", OCCURRED_AT, null, null))
                .expectResultMessagePayload(RECORDED)
                .expectEvents(new MessageEngaged("cu-1", "ca-2", "cu-1:ca-2", DELIVERED, "pe-1", OCCURRED_AT,
                        null, null));
    }

    private static RecordEngagement report(EngagementKind kind, String providerEventId, Instant occurredAt,
                                           Money revenue, String url) {
        return RecordEngagement.about(MESSAGE, kind, providerEventId, occurredAt, revenue, url);
    }

    private static MessageEngaged engaged(EngagementKind kind, String providerEventId, Money revenue, String url) {
        return new MessageEngaged("cu-1", "ca-1", MESSAGE, kind, providerEventId, OCCURRED_AT, revenue, url);
    }

    private static Money money(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }
}
