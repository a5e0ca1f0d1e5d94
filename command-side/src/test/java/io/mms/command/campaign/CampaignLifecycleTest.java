package io.mms.command.campaign;

import io.mms.events.Money;
import io.mms.events.campaign.CampaignCancelled;
import io.mms.events.campaign.CampaignCompleted;
import io.mms.events.campaign.CampaignCreated;
import io.mms.events.campaign.CampaignLaunched;
import io.mms.events.campaign.CampaignPaused;
import io.mms.events.campaign.CampaignResumed;
import io.mms.events.campaign.CampaignScheduled;
import io.mms.events.campaign.Channel;
import io.mms.events.campaign.PauseReason;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static io.mms.command.rejection.CommandRejected.Reason.CONFLICT;
import static io.mms.command.rejection.CommandRejected.Reason.VALIDATION;
import static io.mms.command.rejection.Rejections.rejectedFor;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;

/**
 * Scheduling, the automatic start and end, and every step between the lifecycle's states.
 * A deadline handler reads the wall clock, not the fixture's, so automatic steps are matched
 * by type rather than by their instants.
 */
class CampaignLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");
    private static final Instant START = Instant.parse("2026-04-01T08:00:00Z");
    private static final Instant END = Instant.parse("2026-04-30T20:00:00Z");
    private static final Instant LATER = Instant.parse("2026-04-10T12:00:00Z");

    private static final CampaignCreated CREATED = new CampaignCreated("ca-1", "Spring sale", Channel.EMAIL,
            new Money(new BigDecimal("1500.00"), "EUR"), "Ten percent off", NOW);
    private static final CampaignLaunched LAUNCHED = new CampaignLaunched("ca-1", NOW);
    private static final CampaignPaused PAUSED = new CampaignPaused("ca-1", PauseReason.MANUAL, NOW);

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Campaign.class);
    }

    @Test
    void schedulingADraftSetsItsStartAndEnd() {
        fixture.given(CREATED)
                .andGivenCurrentTime(NOW)
                .when(new ScheduleCampaign("ca-1", START, END))
                .expectEvents(new CampaignScheduled("ca-1", START, END, NOW))
                .expectScheduledDeadlineWithName(START, CampaignDeadline.START)
                .expectScheduledDeadlineWithName(END, CampaignDeadline.END);
    }

    @Test
    void schedulingWithoutAnEndSetsOnlyTheStart() {
        fixture.given(CREATED)
                .andGivenCurrentTime(NOW)
                .when(new ScheduleCampaign("ca-1", START, null))
                .expectEvents(new CampaignScheduled("ca-1", START, null, NOW))
                .expectScheduledDeadlineWithName(START, CampaignDeadline.START)
                .expectNoScheduledDeadlineWithName(END, CampaignDeadline.END);
    }

    @Test
    void schedulingAStartThatIsNotInTheFutureIsRejectedAsInvalid() {
        fixture.given(CREATED)
                .andGivenCurrentTime(START)
                .when(new ScheduleCampaign("ca-1", START, END))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage(containsString("must be in the future"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void schedulingAnEndThatIsNotAfterTheStartIsRejectedAsInvalid() {
        fixture.given(CREATED)
                .andGivenCurrentTime(NOW)
                .when(new ScheduleCampaign("ca-1", START, START))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage(containsString("must be after startAt"))
                .expectNoEvents();
    }

    @Test
    void reschedulingReplacesTheEarlierStartAndEnd() {
        Instant newStart = START.plus(Duration.ofDays(2));

        scheduledAt(START, END)
                .when(new ScheduleCampaign("ca-1", newStart, null))
                .expectEvents(new CampaignScheduled("ca-1", newStart, null, NOW))
                .expectScheduledDeadlineWithName(newStart, CampaignDeadline.START)
                .expectNoScheduledDeadlineWithName(START, CampaignDeadline.START)
                .expectNoScheduledDeadlineWithName(END, CampaignDeadline.END);
    }

    @Test
    void schedulingTheSameTimesAgainWritesNothing() {
        scheduledAt(START, END)
                .when(new ScheduleCampaign("ca-1", START, END))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectScheduledDeadlineWithName(START, CampaignDeadline.START);
    }

    @Test
    void schedulingALiveCampaignIsAConflict() {
        fixture.given(CREATED, LAUNCHED)
                .andGivenCurrentTime(NOW)
                .when(new ScheduleCampaign("ca-1", START, END))
                .expectException(rejectedFor(CONFLICT))
                .expectExceptionMessage(containsString("is ACTIVE"))
                .expectNoEvents();
    }

    @Test
    void aScheduledCampaignLaunchesByItselfAtItsStart() {
        scheduledAt(START, END)
                .whenTimeAdvancesTo(START)
                .expectTriggeredDeadlinesWithName(CampaignDeadline.START)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        instanceOf(CampaignLaunched.class), andNoMore())));
    }

    @Test
    void aScheduledCampaignCompletesByItselfAtItsEnd() {
        scheduledAt(START, END)
                .whenTimeAdvancesTo(END)
                .expectTriggeredDeadlinesWithName(CampaignDeadline.START, CampaignDeadline.END)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        instanceOf(CampaignLaunched.class), instanceOf(CampaignCompleted.class), andNoMore())));
    }

    @Test
    void launchingAScheduledCampaignByHandDropsOnlyItsScheduledStart() {
        scheduledAt(START, END)
                .when(new LaunchCampaign("ca-1"))
                .expectEvents(new CampaignLaunched("ca-1", NOW))
                .expectNoScheduledDeadlineWithName(START, CampaignDeadline.START)
                .expectScheduledDeadlineWithName(END, CampaignDeadline.END);
    }

    @Test
    void completingEarlyDropsTheScheduledEnd() {
        scheduledAt(START, END)
                .andGivenCommands(new LaunchCampaign("ca-1"))
                .when(new CompleteCampaign("ca-1"))
                .expectEvents(new CampaignCompleted("ca-1", NOW))
                .expectNoScheduledDeadlines();
    }

    @Test
    void cancellingAScheduledCampaignDropsItsStartAndEnd() {
        scheduledAt(START, END)
                .when(new CancelCampaign("ca-1"))
                .expectEvents(new CampaignCancelled("ca-1", NOW))
                .expectNoScheduledDeadlines();
    }

    @Test
    void pausingALiveCampaignRecordsAManualPause() {
        fixture.given(CREATED, LAUNCHED)
                .andGivenCurrentTime(LATER)
                .when(new PauseCampaign("ca-1"))
                .expectEvents(new CampaignPaused("ca-1", PauseReason.MANUAL, LATER));
    }

    @Test
    void pausingADraftIsAConflict() {
        fixture.given(CREATED)
                .when(new PauseCampaign("ca-1"))
                .expectException(rejectedFor(CONFLICT))
                .expectExceptionMessage(containsString("is DRAFT"))
                .expectNoEvents();
    }

    @Test
    void resumingAPausedCampaignTakesItLiveAgain() {
        fixture.given(CREATED, LAUNCHED, PAUSED)
                .andGivenCurrentTime(LATER)
                .when(new ResumeCampaign("ca-1"))
                .expectEvents(new CampaignResumed("ca-1", LATER));
    }

    @Test
    void resumingALiveCampaignIsAConflict() {
        fixture.given(CREATED, LAUNCHED)
                .when(new ResumeCampaign("ca-1"))
                .expectException(rejectedFor(CONFLICT))
                .expectExceptionMessage(containsString("is ACTIVE"))
                .expectNoEvents();
    }

    @Test
    void completingAPausedCampaignByHandEndsIt() {
        fixture.given(CREATED, LAUNCHED, PAUSED)
                .andGivenCurrentTime(LATER)
                .when(new CompleteCampaign("ca-1"))
                .expectEvents(new CampaignCompleted("ca-1", LATER));
    }

    @Test
    void completingADraftIsAConflict() {
        fixture.given(CREATED)
                .when(new CompleteCampaign("ca-1"))
                .expectException(rejectedFor(CONFLICT))
                .expectExceptionMessage(containsString("is DRAFT"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aDraftALiveOrAPausedCampaignCanBeCancelled(int stepsTaken) {
        Object[] history = {CREATED, LAUNCHED, PAUSED};
        fixture.given(java.util.Arrays.copyOf(history, stepsTaken))
                .andGivenCurrentTime(LATER)
                .when(new CancelCampaign("ca-1"))
                .expectEvents(new CampaignCancelled("ca-1", LATER));
    }

    @Test
    void cancellingACompletedCampaignIsAConflict() {
        fixture.given(CREATED, LAUNCHED, new CampaignCompleted("ca-1", LATER))
                .when(new CancelCampaign("ca-1"))
                .expectException(rejectedFor(CONFLICT))
                .expectExceptionMessage(containsString("is COMPLETED"))
                .expectNoEvents();
    }

    @Test
    void aCancelledCampaignCannotBeLaunched() {
        fixture.given(CREATED, new CampaignCancelled("ca-1", NOW))
                .when(new LaunchCampaign("ca-1"))
                .expectException(rejectedFor(CONFLICT))
                .expectExceptionMessage(containsString("is CANCELLED"))
                .expectNoEvents();
    }

    @Test
    void aScheduledStartAfterACancellationLaunchesNothing() {
        fixture.given(CREATED)
                .andGivenCurrentTime(NOW)
                .andGivenCommands(new ScheduleCampaign("ca-1", START, END), new CancelCampaign("ca-1"))
                .whenTimeAdvancesTo(END)
                .expectNoEvents();
    }

    private TestExecutor<Campaign> scheduledAt(Instant start, Instant end) {
        return fixture.given(CREATED)
                .andGivenCurrentTime(NOW)
                .andGivenCommands(new ScheduleCampaign("ca-1", start, end));
    }
}
