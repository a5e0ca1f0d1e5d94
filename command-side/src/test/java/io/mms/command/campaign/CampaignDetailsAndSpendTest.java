package io.mms.command.campaign;

import io.mms.events.Money;
import io.mms.events.audience.AudienceRule;
import io.mms.events.audience.TagMatch;
import io.mms.events.campaign.CampaignAudienceDefined;
import io.mms.events.campaign.CampaignCreated;
import io.mms.events.campaign.CampaignDetailsChanged;
import io.mms.events.campaign.CampaignLaunched;
import io.mms.events.campaign.CampaignPaused;
import io.mms.events.campaign.CampaignResumed;
import io.mms.events.campaign.CampaignSpendRecorded;
import io.mms.events.campaign.Channel;
import io.mms.events.campaign.PauseReason;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

import static io.mms.command.rejection.CommandRejected.Reason.CONFLICT;
import static io.mms.command.rejection.CommandRejected.Reason.VALIDATION;
import static io.mms.command.rejection.Rejections.rejectedFor;
import static org.hamcrest.Matchers.containsString;

/** Changing a campaign's details and audience, and the budget that its spend is held to. */
class CampaignDetailsAndSpendTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");
    private static final Money BUDGET = eur("1000.00");

    private static final CampaignCreated CREATED = new CampaignCreated(
            "ca-1", "Spring sale", Channel.EMAIL, BUDGET, "Ten percent off", NOW);
    private static final CampaignLaunched LAUNCHED = new CampaignLaunched("ca-1", NOW);
    private static final AudienceRule VIPS = new AudienceRule(TagMatch.ANY, Set.of("vip"), null, null, null, null);

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Campaign.class);
        fixture.registerIgnoredField(CampaignSpendRecorded.class, "recordedAt");
    }

    @Test
    void changingADraftRecordsAllItsDetailsAsTheyNowAre() {
        fixture.given(CREATED)
                .andGivenCurrentTime(NOW)
                .when(new ChangeCampaignDetails("ca-1", " Summer sale ", null, eur("1200")))
                .expectEvents(new CampaignDetailsChanged("ca-1", "Summer sale", "Ten percent off", eur("1200"), NOW));
    }

    @Test
    void aChangeThatChangesNothingWritesNoEvent() {
        fixture.given(CREATED)
                .when(new ChangeCampaignDetails("ca-1", "Spring sale ", "Ten percent off", eur("1000")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changingToABlankNameIsRejectedAsInvalid() {
        fixture.given(CREATED)
                .when(new ChangeCampaignDetails("ca-1", "  ", null, null))
                .expectException(rejectedFor(VALIDATION))
                .expectNoEvents();
    }

    @Test
    void changingALiveCampaignIsAConflict() {
        fixture.given(CREATED, LAUNCHED)
                .when(new ChangeCampaignDetails("ca-1", "Summer sale", null, null))
                .expectException(rejectedFor(CONFLICT))
                .expectExceptionMessage(containsString("is ACTIVE"))
                .expectNoEvents();
    }

    @Test
    void changingTheBudgetsCurrencyAfterSpendingIsAConflict() {
        fixture.given(CREATED, LAUNCHED, spent("10", "10"), manualPause())
                .when(new ChangeCampaignDetails("ca-1", null, null, new Money(new BigDecimal("1000"), "USD")))
                .expectException(rejectedFor(CONFLICT))
                .expectExceptionMessage(containsString("currency"))
                .expectNoEvents();
    }

    @Test
    void definingAnAudienceRecordsTheRule() {
        fixture.given(CREATED)
                .andGivenCurrentTime(NOW)
                .when(new DefineCampaignAudience("ca-1", VIPS))
                .expectEvents(new CampaignAudienceDefined("ca-1", VIPS, NOW));
    }

    @Test
    void definingTheSameAudienceAgainWritesNothing() {
        fixture.given(CREATED, new CampaignAudienceDefined("ca-1", VIPS, NOW))
                .when(new DefineCampaignAudience("ca-1", VIPS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAudienceWithoutConditionsIsRejectedAsInvalid() {
        fixture.given(CREATED)
                .when(new DefineCampaignAudience("ca-1", new AudienceRule(null, null, null, null, null, null)))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage(containsString("no condition"))
                .expectNoEvents();
    }

    @Test
    void aContradictoryAudienceIsRejectedAsInvalid() {
        AudienceRule nobody = new AudienceRule(null, null, null, null, NOW, NOW.minusSeconds(1));

        fixture.given(CREATED)
                .when(new DefineCampaignAudience("ca-1", nobody))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage(containsString("registeredAfter"))
                .expectNoEvents();
    }

    @Test
    void definingTheAudienceOfALiveCampaignIsAConflict() {
        fixture.given(CREATED, LAUNCHED)
                .when(new DefineCampaignAudience("ca-1", VIPS))
                .expectException(rejectedFor(CONFLICT))
                .expectExceptionMessage(containsString("is ACTIVE"))
                .expectNoEvents();
    }

    @Test
    void spendAddsUpInTheBudgetsCurrency() {
        fixture.given(CREATED, LAUNCHED, spent("100", "100"))
                .when(new RecordCampaignSpend("ca-1", new Money(new BigDecimal("250.50"), "eur")))
                .expectEvents(spent("250.50", "350.50"));
    }

    @Test
    void spendReachingTheBudgetPausesTheCampaignForThatReason() {
        fixture.given(CREATED, LAUNCHED, spent("900", "900"))
                .andGivenCurrentTime(NOW)
                .when(new RecordCampaignSpend("ca-1", eur("100")))
                .expectEvents(spent("100", "1000"),
                        new CampaignPaused("ca-1", PauseReason.BUDGET_EXHAUSTED, NOW));
    }

    @Test
    void spendOnAPausedCampaignIsRecordedWithoutAnotherPause() {
        fixture.given(CREATED, LAUNCHED, manualPause())
                .when(new RecordCampaignSpend("ca-1", eur("1500")))
                .expectEvents(spent("1500", "1500"));
    }

    @Test
    void spendInAnotherCurrencyIsRejectedAsInvalid() {
        fixture.given(CREATED, LAUNCHED)
                .when(new RecordCampaignSpend("ca-1", new Money(BigDecimal.TEN, "USD")))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage(containsString("budget's currency EUR"))
                .expectNoEvents();
    }

    @Test
    void spendThatIsNotPositiveIsRejectedAsInvalid() {
        fixture.given(CREATED, LAUNCHED)
                .when(new RecordCampaignSpend("ca-1", eur("0")))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage(containsString("must be positive"))
                .expectNoEvents();
    }

    @Test
    void spendOnADraftIsAConflict() {
        fixture.given(CREATED)
                .when(new RecordCampaignSpend("ca-1", eur("10")))
                .expectException(rejectedFor(CONFLICT))
                .expectExceptionMessage(containsString("is DRAFT"))
                .expectNoEvents();
    }

    @Test
    void resumingWithTheBudgetExhaustedIsAConflict() {
        fixture.given(CREATED, LAUNCHED, spent("1000", "1000"), budgetPause())
                .when(new ResumeCampaign("ca-1"))
                .expectException(rejectedFor(CONFLICT))
                .expectExceptionMessage(containsString("raise the budget"))
                .expectNoEvents();
    }

    @Test
    void resumingAfterTheBudgetWasRaisedIsAllowed() {
        fixture.given(CREATED, LAUNCHED, spent("1000", "1000"), budgetPause())
                .andGivenCurrentTime(NOW)
                .andGivenCommands(new ChangeCampaignDetails("ca-1", null, null, eur("2000")))
                .when(new ResumeCampaign("ca-1"))
                .expectEvents(new CampaignResumed("ca-1", NOW));
    }

    private static CampaignSpendRecorded spent(String amount, String total) {
        return new CampaignSpendRecorded("ca-1", eur(amount), eur(total), NOW);
    }

    private static CampaignPaused manualPause() {
        return new CampaignPaused("ca-1", PauseReason.MANUAL, NOW);
    }

    private static CampaignPaused budgetPause() {
        return new CampaignPaused("ca-1", PauseReason.BUDGET_EXHAUSTED, NOW);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
