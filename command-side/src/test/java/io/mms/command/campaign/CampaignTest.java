package io.mms.command.campaign;

import io.mms.events.Money;
import io.mms.events.campaign.CampaignCreated;
import io.mms.events.campaign.CampaignLaunched;
import io.mms.events.campaign.CampaignScheduled;
import io.mms.events.campaign.Channel;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

import static io.mms.command.rejection.CommandRejected.Reason.CONFLICT;
import static io.mms.command.rejection.CommandRejected.Reason.VALIDATION;
import static io.mms.command.rejection.Rejections.rejectedFor;
import static org.hamcrest.Matchers.containsString;

class CampaignTest {

    private static final Instant CREATED_AT = Instant.parse("2026-03-01T09:30:00Z");
    private static final Instant LAUNCHED_AT = Instant.parse("2026-03-02T08:00:00Z");
    private static final Money BUDGET = new Money(new BigDecimal("1500.00"), "EUR");

    private static final Instant START = Instant.parse("2026-04-01T08:00:00Z");
    private static final Instant END = Instant.parse("2026-04-30T20:00:00Z");

    private static final CampaignCreated CREATED = new CampaignCreated(
            "ca-1", "Spring sale", Channel.EMAIL, BUDGET, "Ten percent off", CREATED_AT);

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Campaign.class);
    }

    @Test
    void creatingRecordsADraftWithAnUpperCaseCurrency() {
        Money lowerCase = new Money(new BigDecimal("1500.00"), "eur");

        fixture.givenCurrentTime(CREATED_AT)
                .when(create(" Spring sale ", Channel.EMAIL, lowerCase))
                .expectSuccessfulHandlerExecution()
                .expectEvents(CREATED);
    }

    @Test
    void currencyIsUpperCasedWhateverTheDefaultLocale() {
        Locale original = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            fixture.givenCurrentTime(CREATED_AT)
                    .when(create("Diwali", Channel.SMS, new Money(BigDecimal.TEN, "inr")))
                    .expectEvents(new CampaignCreated("ca-1", "Diwali", Channel.SMS,
                            new Money(BigDecimal.TEN, "INR"), "Ten percent off", CREATED_AT));
        } finally {
            Locale.setDefault(original);
        }
    }

    @Test
    void creatingWithANegativeBudgetIsRejectedAsInvalid() {
        Money negative = new Money(new BigDecimal("-0.01"), "EUR");

        fixture.givenNoPriorActivity()
                .when(create("Spring sale", Channel.EMAIL, negative))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage(containsString("must not be negative"))
                .expectNoEvents();
    }

    @Test
    void creatingWithAnUnknownCurrencyIsRejectedAsInvalid() {
        fixture.givenNoPriorActivity()
                .when(create("Spring sale", Channel.EMAIL, new Money(BigDecimal.ONE, "ZZZ")))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage(containsString("ISO 4217"))
                .expectNoEvents();
    }

    @Test
    void creatingWithABlankNameIsRejectedAsInvalid() {
        fixture.givenNoPriorActivity()
                .when(create(" ", Channel.EMAIL, BUDGET))
                .expectException(rejectedFor(VALIDATION))
                .expectNoEvents();
    }

    @Test
    void creatingWithoutAChannelIsRejectedAsInvalid() {
        fixture.givenNoPriorActivity()
                .when(create("Spring sale", null, BUDGET))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage("channel is required")
                .expectNoEvents();
    }

    @Test
    void launchingADraftTakesItLive() {
        fixture.given(CREATED)
                .andGivenCurrentTime(LAUNCHED_AT)
                .when(new LaunchCampaign("ca-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CampaignLaunched("ca-1", LAUNCHED_AT));
    }

    @Test
    void launchingTwiceIsRejectedWithConflict() {
        fixture.given(CREATED, new CampaignLaunched("ca-1", LAUNCHED_AT))
                .when(new LaunchCampaign("ca-1"))
                .expectException(rejectedFor(CONFLICT))
                .expectExceptionMessage(containsString("is ACTIVE"))
                .expectNoEvents();
    }

    @Test
    void launchingACampaignThatWasNeverCreatedFindsNothing() {
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaign("ca-404"))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    private static CreateCampaign create(String name, Channel channel, Money budget) {
        return new CreateCampaign("ca-1", name, channel, budget, " Ten percent off ");
    }

    private static CampaignScheduled scheduled(Instant start, Instant end) {
        return new CampaignScheduled("ca-1", start, end, CREATED_AT);
    }
}
