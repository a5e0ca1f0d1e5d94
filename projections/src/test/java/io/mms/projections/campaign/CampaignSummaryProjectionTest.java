package io.mms.projections.campaign;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.mms.events.Money;
import io.mms.events.audience.AudienceRule;
import io.mms.events.audience.TagMatch;
import io.mms.events.campaign.CampaignAudienceDefined;
import io.mms.events.campaign.CampaignCancelled;
import io.mms.events.campaign.CampaignCompleted;
import io.mms.events.campaign.CampaignCreated;
import io.mms.events.campaign.CampaignDetailsChanged;
import io.mms.events.campaign.CampaignLaunched;
import io.mms.events.campaign.CampaignPaused;
import io.mms.events.campaign.CampaignResumed;
import io.mms.events.campaign.CampaignScheduled;
import io.mms.events.campaign.CampaignSpendRecorded;
import io.mms.events.campaign.Channel;
import io.mms.events.campaign.PauseReason;
import io.mms.events.customer.LifecycleStage;
import io.mms.projections.EmbeddedMongo;
import io.mms.projections.support.Page;
import io.mms.projections.support.ProjectionWriter;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignSummaryProjectionTest {

    private static final Instant MARCH_FIRST = Instant.parse("2026-03-01T09:30:00Z");
    private static final Instant LAUNCHED_AT = Instant.parse("2026-03-05T08:00:00Z");
    private static final Instant START = Instant.parse("2026-04-01T08:00:00Z");
    private static final Instant END = Instant.parse("2026-04-30T20:00:00Z");
    private static final Money BUDGET = new Money(new BigDecimal("1500.00"), "EUR");

    private EmbeddedMongo mongo;
    private MongoDatabase database;
    private CampaignSummaryProjection projection;
    private CampaignSummaries summaries;

    @BeforeEach
    void startMongo() {
        mongo = new EmbeddedMongo();
        database = mongo.readModelDatabase();
        projection = new CampaignSummaryProjection(new ProjectionWriter(database));
        summaries = new CampaignSummaries(database);
    }

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void createdCampaignIsSummarizedAsDraft() {
        projection.on(created("ca-1", 0), at(1));

        assertThat(summaries.byId("ca-1")).contains(new CampaignSummary("ca-1", "Campaign ca-1",
                Channel.EMAIL, BUDGET, "Ten percent off", "DRAFT", MARCH_FIRST, null,
                null, null, new Money(BigDecimal.ZERO, "EUR"), null, null));
    }

    @Test
    void theAudienceRuleIsSummarizedAndReplacedWhenDefinedAgain() {
        projection.on(created("ca-1", 0), at(1));
        projection.on(new CampaignAudienceDefined("ca-1", new AudienceRule(TagMatch.ALL, Set.of("vip"),
                Set.of(), Map.of(), null, null), MARCH_FIRST), at(2));
        projection.on(new CampaignAudienceDefined("ca-1", new AudienceRule(null, Set.of("b", "a"),
                Set.of(LifecycleStage.LEAD), Map.of("plan", "gold"), MARCH_FIRST, null), MARCH_FIRST), at(3));

        assertThat(summaries.byId("ca-1").orElseThrow().audience()).isEqualTo(new CampaignAudience(
                TagMatch.ANY, List.of("a", "b"), List.of(LifecycleStage.LEAD),
                List.of(new CampaignAudience.Condition("plan", "gold")), MARCH_FIRST, null));
    }

    @Test
    void launchedCampaignIsActiveSinceItsLaunch() {
        projection.on(created("ca-1", 0), at(1));
        projection.on(new CampaignLaunched("ca-1", LAUNCHED_AT), at(2));

        CampaignSummary summary = summaries.byId("ca-1").orElseThrow();
        assertThat(summary.status()).isEqualTo("ACTIVE");
        assertThat(summary.launchedAt()).isEqualTo(LAUNCHED_AT);
    }

    @Test
    void scheduledCampaignShowsItsStartAndEnd() {
        projection.on(created("ca-1", 0), at(1));
        projection.on(new CampaignScheduled("ca-1", START, END, MARCH_FIRST), at(2));

        CampaignSummary summary = summaries.byId("ca-1").orElseThrow();
        assertThat(summary.status()).isEqualTo("SCHEDULED");
        assertThat(summary.startAt()).isEqualTo(START);
        assertThat(summary.endAt()).isEqualTo(END);
    }

    @Test
    void spendShowsTheRunningTotalAndABudgetPauseItsReason() {
        launch("ca-1");
        projection.on(new CampaignSpendRecorded("ca-1", eur("1500.00"), eur("1500.00"), LAUNCHED_AT), at(3));
        projection.on(new CampaignPaused("ca-1", PauseReason.BUDGET_EXHAUSTED, LAUNCHED_AT), at(4));

        CampaignSummary summary = summaries.byId("ca-1").orElseThrow();
        assertThat(summary.spent()).isEqualTo(eur("1500.00"));
        assertThat(summary.status()).isEqualTo("PAUSED");
        assertThat(summary.pauseReason()).isEqualTo(PauseReason.BUDGET_EXHAUSTED);
    }

    @Test
    void detailsChangeRenamesAndRebudgetsTheSummary() {
        projection.on(created("ca-1", 0), at(1));
        projection.on(new CampaignDetailsChanged("ca-1", "Renamed", null, eur("2000.00"), LAUNCHED_AT), at(2));

        CampaignSummary summary = summaries.byId("ca-1").orElseThrow();
        assertThat(summary.name()).isEqualTo("Renamed");
        assertThat(summary.description()).isNull();
        assertThat(summary.budget()).isEqualTo(eur("2000.00"));
    }

    @Test
    void resumingClearsThePauseReasonAndEndingSetsTheFinalStatus() {
        launch("ca-1");
        launch("ca-2");
        projection.on(new CampaignPaused("ca-1", PauseReason.MANUAL, LAUNCHED_AT), at(5));
        projection.on(new CampaignResumed("ca-1", LAUNCHED_AT), at(6));
        projection.on(new CampaignCompleted("ca-1", LAUNCHED_AT), at(7));
        projection.on(new CampaignCancelled("ca-2", LAUNCHED_AT), at(102));

        assertThat(summaries.byId("ca-1").orElseThrow().status()).isEqualTo("COMPLETED");
        assertThat(summaries.byId("ca-1").orElseThrow().pauseReason()).isNull();
        assertThat(summaries.byId("ca-2").orElseThrow().status()).isEqualTo("CANCELLED");
    }

    @Test
    void anOlderSpendDeliveredAgainKeepsTheNewerTotal() {
        launch("ca-1");
        projection.on(new CampaignSpendRecorded("ca-1", eur("10"), eur("10"), LAUNCHED_AT), at(3));
        projection.on(new CampaignSpendRecorded("ca-1", eur("5"), eur("15"), LAUNCHED_AT), at(4));

        projection.on(new CampaignSpendRecorded("ca-1", eur("10"), eur("10"), LAUNCHED_AT), at(3));

        assertThat(summaries.byId("ca-1").orElseThrow().spent()).isEqualTo(eur("15"));
    }

    @Test
    void listingByStatusShowsOnlyCampaignsInThatStatus() {
        createThreeAndLaunchTheSecond();

        assertThat(idsOf(summaries.page("ACTIVE", 10, null))).containsExactly("ca-2");
        assertThat(idsOf(summaries.page("DRAFT", 10, null))).containsExactly("ca-1", "ca-3");
        assertThat(idsOf(summaries.page(null, 10, null))).containsExactly("ca-1", "ca-2", "ca-3");
    }

    @Test
    void nextPageOfAStatusListingSkipsCampaignsInOtherStatuses() {
        createThreeAndLaunchTheSecond();

        Page<CampaignSummary> first = summaries.page("DRAFT", 1, null);
        Page<CampaignSummary> second = summaries.page("DRAFT", 1, first.items().get(0).cursor());

        assertThat(idsOf(first)).containsExactly("ca-1");
        assertThat(first.hasNextPage()).isTrue();
        assertThat(idsOf(second)).containsExactly("ca-3");
        assertThat(second.hasNextPage()).isFalse();
    }

    @Test
    void redeliveredEventsLeaveTheDocumentsAsTheyWere() {
        createThreeAndLaunchTheSecond();
        List<Document> before = rawDocuments();

        createThreeAndLaunchTheSecond();

        assertThat(before).hasSize(3);
        assertThat(rawDocuments()).isEqualTo(before);
    }

    @Test
    void olderLaunchDeliveredAfterANewerOneChangesNothing() {
        projection.on(created("ca-1", 0), at(1));
        projection.on(new CampaignLaunched("ca-1", LAUNCHED_AT), at(5));
        List<Document> before = rawDocuments();

        projection.on(new CampaignLaunched("ca-1", LAUNCHED_AT.minusSeconds(3600)), at(4));

        assertThat(rawDocuments()).isEqualTo(before);
        assertThat(summaries.byId("ca-1").orElseThrow().launchedAt()).isEqualTo(LAUNCHED_AT);
    }

    @Test
    void creationDeliveredAgainAfterTheLaunchLeavesTheCampaignActive() {
        projection.on(created("ca-1", 0), at(1));
        projection.on(new CampaignLaunched("ca-1", LAUNCHED_AT), at(2));
        List<Document> before = rawDocuments();

        projection.on(created("ca-1", 0), at(1));

        assertThat(rawDocuments()).isEqualTo(before);
        assertThat(summaries.byId("ca-1").orElseThrow().status()).isEqualTo("ACTIVE");
    }

    @Test
    void resetRemovesEverySummary() {
        createThreeAndLaunchTheSecond();

        projection.reset();

        assertThat(rawDocuments()).isEmpty();
    }

    private void launch(String id) {
        long base = id.equals("ca-1") ? 1 : 100;
        projection.on(created(id, 0), at(base));
        projection.on(new CampaignLaunched(id, LAUNCHED_AT), at(base + 1));
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    private void createThreeAndLaunchTheSecond() {
        projection.on(created("ca-1", 0), at(1));
        projection.on(created("ca-2", 1), at(2));
        projection.on(created("ca-3", 2), at(3));
        projection.on(new CampaignLaunched("ca-2", LAUNCHED_AT), at(4));
    }

    private static CampaignCreated created(String id, int minutesAfterMarchFirst) {
        return new CampaignCreated(id, "Campaign " + id, Channel.EMAIL, BUDGET, "Ten percent off",
                MARCH_FIRST.plusSeconds(60L * minutesAfterMarchFirst));
    }

    private static GlobalSequenceTrackingToken at(long position) {
        return new GlobalSequenceTrackingToken(position);
    }

    private static List<String> idsOf(Page<CampaignSummary> page) {
        return page.items().stream().map(item -> item.node().id()).toList();
    }

    private List<Document> rawDocuments() {
        return database.getCollection(CampaignSummaries.COLLECTION.name())
                .find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
