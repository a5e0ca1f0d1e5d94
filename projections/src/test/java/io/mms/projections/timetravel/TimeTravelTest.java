package io.mms.projections.timetravel;

import com.mongodb.client.MongoDatabase;
import io.mms.events.Money;
import io.mms.events.audience.AudienceRule;
import io.mms.events.audience.TagMatch;
import io.mms.events.campaign.CampaignCancelled;
import io.mms.events.campaign.CampaignCreated;
import io.mms.events.campaign.CampaignDetailsChanged;
import io.mms.events.campaign.CampaignLaunched;
import io.mms.events.campaign.CampaignPaused;
import io.mms.events.campaign.CampaignSpendRecorded;
import io.mms.events.campaign.Channel;
import io.mms.events.campaign.PauseReason;
import io.mms.events.customer.ConsentGranted;
import io.mms.events.customer.ConsentWithdrawn;
import io.mms.events.customer.CustomerEmailChanged;
import io.mms.events.customer.CustomerStageChanged;
import io.mms.events.customer.CustomerTagAdded;
import io.mms.events.customer.CustomerTagRemoved;
import io.mms.events.customer.LifecycleStage;
import io.mms.events.delivery.EngagementKind;
import io.mms.events.segment.SegmentDeleted;
import io.mms.events.segment.SegmentRenamed;
import io.mms.events.segment.SegmentRuleChanged;
import io.mms.events.segment.SegmentSaved;
import io.mms.projections.EmbeddedMongo;
import io.mms.projections.campaign.CampaignSummaries;
import io.mms.projections.campaign.CampaignSummary;
import io.mms.projections.customer.CustomerProfile;
import io.mms.projections.customer.CustomerProfile.ConsentState;
import io.mms.projections.customer.CustomerProfileProjection;
import io.mms.projections.customer.CustomerProfiles;
import io.mms.projections.segment.SegmentMember;
import io.mms.projections.segment.SegmentMembership;
import io.mms.projections.segment.SegmentMembershipProjection;
import io.mms.projections.segment.SegmentView;
import io.mms.projections.support.InvalidPageRequest;
import io.mms.projections.support.ProcessorBatches;
import io.mms.projections.support.ProjectionWriter;
import io.mms.projections.support.ScratchSpace;
import io.mms.projections.support.ScratchSpaces;
import io.mms.projections.timeline.CustomerTimeline;
import io.mms.projections.timeline.TimelineEntryKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static io.mms.projections.customer.CustomerHistories.engaged;
import static io.mms.projections.customer.CustomerHistories.registered;
import static io.mms.projections.customer.CustomerHistories.sent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeTravelTest {

    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private EmbeddedMongo mongo;
    private StoredHistory history;
    private TimeTravel timeTravel;

    @BeforeEach
    void start() {
        mongo = new EmbeddedMongo();
        history = new StoredHistory();
        timeTravel = timeTravel(1_000);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void aCustomerIsSeenWithTheEmailConsentAndStageTheyHadAtEachInstant() {
        customerWhoChangesOverTime();

        CustomerProfile registered = customerAsOf("cu-1", day(0.5));
        assertThat(registered.email()).isEqualTo("cu-1@example.com");
        assertThat(registered.consents()).isEmpty();
        assertThat(registered.stage()).isEqualTo(LifecycleStage.LEAD);

        CustomerProfile consenting = customerAsOf("cu-1", day(1.5));
        assertThat(consenting.email()).isEqualTo("cu-1@example.com");
        assertThat(consenting.consents()).containsExactly(
                new ConsentState(Channel.EMAIL, "marketing", true, "signup-form", day(1)));

        CustomerProfile renamed = customerAsOf("cu-1", day(2.5));
        assertThat(renamed.email()).isEqualTo("countess@example.com");
        assertThat(renamed.stage()).isEqualTo(LifecycleStage.LEAD);

        CustomerProfile qualified = customerAsOf("cu-1", day(3.5));
        assertThat(qualified.stage()).isEqualTo(LifecycleStage.MARKETING_QUALIFIED);
        assertThat(qualified.engagement().sent()).isEqualTo(1);
        assertThat(qualified.engagement().opens()).isZero();

        CustomerProfile withdrawn = customerAsOf("cu-1", day(4.5));
        assertThat(withdrawn.consents()).containsExactly(
                new ConsentState(Channel.EMAIL, "marketing", false, "unsubscribe-link", day(4)));
        assertThat(withdrawn.engagement().opens()).isEqualTo(1);

        CustomerProfile customer = customerAsOf("cu-1", day(5));
        assertThat(customer.stage()).isEqualTo(LifecycleStage.CUSTOMER);
    }

    @Test
    void aBackdatedFactCountsFromWhenItWasRecorded() {
        customerWhoChangesOverTime();

        assertThat(customerAsOf("cu-1", day(5.5)).consents()).extracting(ConsentState::channel)
                .containsExactly(Channel.EMAIL);
        assertThat(customerAsOf("cu-1", day(6)).consents()).contains(
                new ConsentState(Channel.SMS, "marketing", true, "paper-form", day(1)));
    }

    @Test
    void theTimelineAsOfAnInstantEndsThere() {
        customerWhoChangesOverTime();

        try (ScratchSpace space = timeTravel.customer("cu-1", day(2.5))) {
            List<TimelineEntryKind> kinds = new CustomerTimeline(space.database()).page("cu-1", 10, null).items()
                    .stream().map(item -> item.node().kind()).toList();
            assertThat(kinds).containsExactly(
                    TimelineEntryKind.EMAIL_CHANGED, TimelineEntryKind.CONSENT_GRANTED, TimelineEntryKind.REGISTERED);
        }
    }

    @Test
    void aCustomerBeforeTheirRegistrationOrUnknownIsNotFound() {
        customerWhoChangesOverTime();

        try (ScratchSpace before = timeTravel.customer("cu-1", T.minusSeconds(1));
             ScratchSpace unknown = timeTravel.customer("cu-9", NOW)) {
            assertThat(new CustomerProfiles(before.database()).byId("cu-1")).isEmpty();
            assertThat(new CustomerProfiles(unknown.database()).byId("cu-9")).isEmpty();
        }
    }

    @Test
    void theCustomerAsOfNowIsTheLiveReadModelsCustomer() {
        customerWhoChangesOverTime();
        MongoDatabase live = mongo.readModelDatabase();
        ProcessorBatches.deliver(new CustomerProfileProjection(new ProjectionWriter(live)),
                new ProjectionWriter(live), payloads(), 3);

        assertThat(customerAsOf("cu-1", NOW)).isEqualTo(new CustomerProfiles(live).byId("cu-1").orElseThrow());
        assertThat(customerAsOf("cu-2", NOW)).isEqualTo(new CustomerProfiles(live).byId("cu-2").orElseThrow());
    }

    @Test
    void aCampaignIsSeenWithTheStatusBudgetAndSpendItHadAtEachInstant() {
        history.record("ca-1", T, new CampaignCreated("ca-1", "Spring sale", Channel.EMAIL, eur("1000.00"), null, T))
                .record("ca-1", hours(1), new CampaignDetailsChanged("ca-1", "Spring sale", "Bigger", eur("1500.00"),
                        hours(1)))
                .record("ca-1", hours(2), new CampaignLaunched("ca-1", hours(2)))
                .record("ca-1", hours(3), new CampaignSpendRecorded("ca-1", eur("200.00"), eur("200.00"), hours(3)))
                .record("ca-1", hours(4), new CampaignPaused("ca-1", PauseReason.MANUAL, hours(4)))
                .record("ca-1", hours(5), new CampaignCancelled("ca-1", hours(5)));

        assertThat(campaignAsOf(hours(0.5))).extracting(CampaignSummary::status, CampaignSummary::budget)
                .containsExactly("DRAFT", eur("1000.00"));
        assertThat(campaignAsOf(hours(2.5))).extracting(CampaignSummary::status, CampaignSummary::budget,
                CampaignSummary::launchedAt).containsExactly("ACTIVE", eur("1500.00"), hours(2));
        assertThat(campaignAsOf(hours(2.5)).spent().amount()).isZero();
        assertThat(campaignAsOf(hours(3.5)).spent()).isEqualTo(eur("200.00"));
        assertThat(campaignAsOf(hours(4.5))).extracting(CampaignSummary::status, CampaignSummary::pauseReason)
                .containsExactly("PAUSED", PauseReason.MANUAL);
        assertThat(campaignAsOf(NOW).status()).isEqualTo("CANCELLED");
    }

    @Test
    void segmentMembersAsOfADateEachNameTheEventThatPutThemIn() {
        segmentHistory();

        try (ScratchSpace space = timeTravel.segment("se-1", seconds(4.5))) {
            SegmentMembership membership = new SegmentMembership(space.database());
            assertThat(membership.byId("se-1")).map(SegmentView::name).contains("VIPs");
            assertThat(membership.count("se-1")).isEqualTo(2);
            assertThat(members(membership)).containsExactly(
                    member("cu-1", "CustomerTagAdded", 4, seconds(3)),
                    member("cu-2", "CustomerTagAdded", 5, seconds(4)));
        }
        try (ScratchSpace space = timeTravel.segment("se-1", seconds(7.5))) {
            SegmentMembership membership = new SegmentMembership(space.database());
            assertThat(membership.byId("se-1")).map(SegmentView::name).contains("Very important");
            assertThat(members(membership)).containsExactly(member("cu-2", "CustomerTagAdded", 5, seconds(4)));
        }
    }

    @Test
    void aRuleChangeIsTheEventThatPutsCustomersInAfterIt() {
        segmentHistory();

        try (ScratchSpace space = timeTravel.segment("se-1", seconds(8.5))) {
            assertThat(members(new SegmentMembership(space.database())))
                    .containsExactly(member("cu-1", "SegmentRuleChanged", 10, seconds(8)));
        }
    }

    @Test
    void aSegmentBeforeItWasSavedOrAfterItWasDeletedIsNotFound() {
        segmentHistory();

        for (Instant asOf : List.of(seconds(0.5), seconds(9.5))) {
            try (ScratchSpace space = timeTravel.segment("se-1", asOf)) {
                assertThat(new SegmentMembership(space.database()).byId("se-1")).as("as of %s", asOf).isEmpty();
            }
        }
    }

    @Test
    void otherSegmentsAreLeftOutOfTheReplay() {
        segmentHistory();

        try (ScratchSpace space = timeTravel.segment("se-1", NOW)) {
            assertThat(new SegmentMembership(space.database()).byId("se-2")).isEmpty();
        }
    }

    @Test
    void aSegmentAsOfNowHasTheLiveReadModelsMembers() {
        segmentHistory();
        history.record("se-3", seconds(20), new SegmentSaved("se-3", "Gold", tagged("gold"), seconds(20)));
        MongoDatabase live = mongo.readModelDatabase();
        ProjectionWriter writer = new ProjectionWriter(live);
        ProcessorBatches.deliver(new SegmentMembershipProjection(writer, live), writer, payloads(), 2);

        try (ScratchSpace space = timeTravel.segment("se-3", NOW)) {
            List<SegmentMember> replayed = members(new SegmentMembership(space.database()), "se-3");
            assertThat(replayed).isNotEmpty().isEqualTo(members(new SegmentMembership(live), "se-3"));
        }
    }

    @Test
    void aReplayLongerThanTheLimitIsRefusedAndLeavesNothingBehind() {
        segmentHistory();
        TimeTravel limited = timeTravel(history.size() - 1);

        assertThatThrownBy(() -> limited.segment("se-1", NOW)).isInstanceOf(HistoryTooLong.class)
                .hasMessageContaining("more than " + (history.size() - 1) + " events");
        assertThat(scratchDatabases()).isEmpty();
        assertThat(history.openStreams()).isZero();
        limited.segment("se-1", seconds(8.5)).close();
    }

    @Test
    void anInstantInTheFutureIsRefused() {
        customerWhoChangesOverTime();

        assertThatThrownBy(() -> timeTravel.customer("cu-1", NOW.plusSeconds(1)))
                .isInstanceOf(InvalidPageRequest.class).hasMessageContaining("future");
        assertThat(scratchDatabases()).isEmpty();
    }

    @Test
    void closingAnAnswerDropsItsScratchDatabase() {
        customerWhoChangesOverTime();

        ScratchSpace space = timeTravel.customer("cu-1", NOW);
        assertThat(scratchDatabases()).containsExactly(space.database().getName());
        space.close();

        assertThat(scratchDatabases()).isEmpty();
        assertThat(history.openStreams()).isZero();
    }

    @Test
    void spacesLeftBehindByAStoppedProcessAreDroppedOnceOld() {
        mongo.readModelDatabase();
        ScratchSpaces earlier = new ScratchSpaces(mongo.client(), "mms", Clock.fixed(NOW.minus(DAY), ZoneOffset.UTC));
        ScratchSpaces now = new ScratchSpaces(mongo.client(), "mms", Clock.fixed(NOW, ZoneOffset.UTC));
        String abandoned = earlier.open(List.of(CustomerProfiles.COLLECTION)).database().getName();
        String inUse = now.open(List.of(CustomerProfiles.COLLECTION)).database().getName();

        assertThat(now.dropAbandoned(Duration.ofHours(1))).containsExactly(abandoned);

        assertThat(scratchDatabases()).containsExactly(inUse);
        assertThat(mongo.client().listDatabaseNames()).contains("mms");
    }

    /**
     * cu-1 registers, consents to email, changes email, is qualified, is sent a message, withdraws
     * consent, opens the message, becomes a customer, and a consent given on paper on day 1 is
     * recorded on day 6. cu-2 registers in between.
     */
    private void customerWhoChangesOverTime() {
        history.record("cu-1", day(0), registered("cu-1", day(0)))
                .record("cu-2", day(0.2), registered("cu-2", day(0.2)))
                .record("cu-1", day(1), new ConsentGranted("cu-1", Channel.EMAIL, "marketing", "signup-form",
                        day(1)))
                .record("cu-1", day(2), new CustomerEmailChanged("cu-1", "countess@example.com", day(2)))
                .record("cu-1", day(3), new CustomerStageChanged("cu-1", LifecycleStage.LEAD,
                        LifecycleStage.MARKETING_QUALIFIED, day(3)))
                .record("cu-1", day(3.2), sent("cu-1", day(3.2)))
                .record("cu-1", day(4), new ConsentWithdrawn("cu-1", Channel.EMAIL, "marketing", "unsubscribe-link",
                        day(4)))
                .record("cu-1", day(4.2), engaged("cu-1", EngagementKind.OPENED, day(4.2)))
                .record("cu-1", day(5), new CustomerStageChanged("cu-1", LifecycleStage.MARKETING_QUALIFIED,
                        LifecycleStage.CUSTOMER, day(5)))
                .record("cu-1", day(6), new ConsentGranted("cu-1", Channel.SMS, "marketing", "paper-form", day(1)));
    }

    /**
     * se-1 (VIPs) is saved; cu-1 and cu-2 are tagged vip; another segment is saved; cu-1 loses the
     * tag; se-1 is renamed, its rule changed to gold (which cu-1 has), and it is deleted.
     */
    private void segmentHistory() {
        history.record("cu-1", seconds(0), registered("cu-1", seconds(0)))
                .record("se-1", seconds(1), new SegmentSaved("se-1", "VIPs", tagged("vip"), seconds(1)))
                .record("cu-2", seconds(2), registered("cu-2", seconds(2)))
                .record("cu-1", seconds(3), new CustomerTagAdded("cu-1", "vip", seconds(3)))
                .record("cu-2", seconds(4), new CustomerTagAdded("cu-2", "vip", seconds(4)))
                .record("se-2", seconds(5), new SegmentSaved("se-2", "Everyone vip", tagged("vip"), seconds(5)))
                .record("cu-1", seconds(6), new CustomerTagRemoved("cu-1", "vip", seconds(6)))
                .record("se-1", seconds(7), new SegmentRenamed("se-1", "Very important", seconds(7)))
                .record("cu-1", seconds(7.2), new CustomerTagAdded("cu-1", "gold", seconds(7.2)))
                .record("se-1", seconds(8), new SegmentRuleChanged("se-1", tagged("gold"), seconds(8)))
                .record("se-1", seconds(9), new SegmentDeleted("se-1", seconds(9)));
    }

    private TimeTravel timeTravel(long maxEvents) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new TimeTravel(history, new ScratchSpaces(mongo.client(), "mms", clock), maxEvents, clock);
    }

    private CustomerProfile customerAsOf(String customerId, Instant asOf) {
        return read(timeTravel.customer(customerId, asOf), CustomerProfiles::new,
                profiles -> profiles.byId(customerId).orElseThrow());
    }

    private CampaignSummary campaignAsOf(Instant asOf) {
        return read(timeTravel.campaign("ca-1", asOf), CampaignSummaries::new,
                summaries -> summaries.byId("ca-1").orElseThrow());
    }

    private static <R, T> T read(ScratchSpace space, Function<MongoDatabase, R> reader, Function<R, T> query) {
        try (space) {
            return query.apply(reader.apply(space.database()));
        }
    }

    private List<Object> payloads() {
        List<Object> payloads = new ArrayList<>();
        history.all().forEach(event -> payloads.add(event.getPayload()));
        return payloads;
    }

    private List<String> scratchDatabases() {
        return mongo.client().listDatabaseNames().into(new ArrayList<>()).stream()
                .filter(name -> name.startsWith("mms_scratch_"))
                .toList();
    }

    private static List<SegmentMember> members(SegmentMembership membership) {
        return members(membership, "se-1");
    }

    private static List<SegmentMember> members(SegmentMembership membership, String segmentId) {
        return membership.members(segmentId, 100, null).items().stream().map(item -> item.node()).toList();
    }

    private static SegmentMember member(String customerId, String type, long position, Instant at) {
        return new SegmentMember("se-1", customerId, at,
                new SegmentMember.JoinedBy(type, "event-" + position, position, at));
    }

    private static AudienceRule tagged(String tag) {
        return new AudienceRule(TagMatch.ANY, Set.of(tag), null, null, null, null);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    private static Instant day(double days) {
        return T.plusSeconds((long) (days * DAY.toSeconds()));
    }

    private static Instant hours(double hours) {
        return T.plusSeconds((long) (hours * 3600));
    }

    private static Instant seconds(double seconds) {
        return T.plusMillis((long) (seconds * 1000));
    }
}
