package io.mms.projections.performance;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.mms.events.Money;
import io.mms.events.campaign.CampaignCreated;
import io.mms.events.campaign.CampaignSpendRecorded;
import io.mms.events.campaign.Channel;
import io.mms.events.delivery.CampaignMessageSent;
import io.mms.events.delivery.ConsentBasis;
import io.mms.events.delivery.EngagementKind;
import io.mms.events.delivery.MessageEngaged;
import io.mms.projections.EmbeddedMongo;
import io.mms.projections.ScriptedHistory;
import io.mms.projections.support.ProjectionWriter;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CampaignPerformanceProjectionTest {

    private static final Instant DAY_ONE = Instant.parse("2026-03-05T10:00:00Z");
    private static final Instant DAY_TWO = Instant.parse("2026-03-06T23:59:00Z");

    private EmbeddedMongo mongo;
    private MongoDatabase database;
    private CampaignPerformanceProjection projection;
    private CampaignPerformances performances;

    @BeforeEach
    void startMongo() {
        mongo = new EmbeddedMongo();
        database = mongo.readModelDatabase();
        projection = new CampaignPerformanceProjection(new ProjectionWriter(database));
        performances = new CampaignPerformances(database);
    }

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    /**
     * Three customers are sent ca-1; all are delivered, two open (one twice), one clicks and
     * converts twice (EUR and USD), one bounces nothing, one unsubscribes. ca-2 has one send.
     */
    static ScriptedHistory history() {
        return new ScriptedHistory().then(
                new CampaignCreated("ca-1", "Spring", Channel.EMAIL, eur("100"), null, DAY_ONE),
                new CampaignCreated("ca-2", "Other", Channel.SMS, eur("50"), null, DAY_ONE),
                sent("cu-1", "ca-1", DAY_ONE), sent("cu-2", "ca-1", DAY_ONE), sent("cu-3", "ca-1", DAY_ONE),
                sent("cu-1", "ca-2", DAY_ONE),
                engaged("cu-1", EngagementKind.DELIVERED, DAY_ONE, null),
                engaged("cu-2", EngagementKind.DELIVERED, DAY_ONE, null),
                engaged("cu-3", EngagementKind.DELIVERED, DAY_ONE, null),
                engaged("cu-1", EngagementKind.OPENED, DAY_ONE, null),
                engaged("cu-1", EngagementKind.OPENED, DAY_TWO, null),
                engaged("cu-2", EngagementKind.OPENED, DAY_TWO, null),
                engaged("cu-1", EngagementKind.CLICKED, DAY_TWO, null),
                engaged("cu-1", EngagementKind.CONVERTED, DAY_TWO, eur("30.50")),
                engaged("cu-1", EngagementKind.CONVERTED, DAY_TWO, new Money(new BigDecimal("12"), "USD")),
                engaged("cu-3", EngagementKind.UNSUBSCRIBED, DAY_TWO, null),
                new CampaignSpendRecorded("ca-1", eur("10"), eur("10"), DAY_ONE),
                new CampaignSpendRecorded("ca-1", eur("10"), eur("20"), DAY_TWO));
    }

    @Test
    void theFunnelCountsEveryReportAndEveryCustomerOnce() {
        history().deliverTo(projection);

        CampaignPerformance performance = performances.of("ca-1");

        assertThat(performance.audienceSize()).isEqualTo(3);
        Funnel funnel = performance.funnel();
        assertThat(funnel.sent()).isEqualTo(new FunnelCount(3, 3));
        assertThat(funnel.delivered()).isEqualTo(new FunnelCount(3, 3));
        assertThat(funnel.bounced()).isEqualTo(FunnelCount.NONE);
        assertThat(funnel.opened()).isEqualTo(new FunnelCount(3, 2));
        assertThat(funnel.clicked()).isEqualTo(new FunnelCount(1, 1));
        assertThat(funnel.converted()).isEqualTo(new FunnelCount(2, 1));
        assertThat(funnel.unsubscribed()).isEqualTo(new FunnelCount(1, 1));
        assertThat(performances.of("ca-2").audienceSize()).isEqualTo(1);
    }

    @Test
    void ratesDivideUniqueCountsAndAreNullWithoutADenominator() {
        history().deliverTo(projection);

        FunnelRates rates = performances.of("ca-1").rates();

        assertThat(rates.deliveryRate()).isEqualTo(1.0);
        assertThat(rates.bounceRate()).isEqualTo(0.0);
        assertThat(rates.openRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(rates.clickRate()).isEqualTo(0.5);
        assertThat(rates.conversionRate()).isEqualTo(1.0);
        assertThat(performances.of("ca-2").rates().openRate()).isNull();
    }

    @Test
    void revenueIsPerCurrencyAndRoiUsesTheCampaignCurrency() {
        history().deliverTo(projection);

        CampaignPerformance performance = performances.of("ca-1");

        assertThat(performance.revenue()).containsExactly(eur("30.50"), new Money(new BigDecimal("12"), "USD"));
        assertThat(performance.cost()).isEqualTo(eur("20"));
        assertThat(performance.roi()).isEqualTo(0.525);
        assertThat(performances.of("ca-2").cost()).isEqualTo(new Money(BigDecimal.ZERO, "EUR"));
        assertThat(performances.of("ca-2").roi()).isNull();
    }

    @Test
    void theDailySeriesSplitsCountsAndRevenueByUtcDay() {
        history().deliverTo(projection);

        List<DailyPerformance> daily = performances.of("ca-1").daily();

        assertThat(daily).extracting(DailyPerformance::day).containsExactly("2026-03-05", "2026-03-06");
        assertThat(daily.get(0).funnel().sent()).isEqualTo(new FunnelCount(3, 3));
        assertThat(daily.get(0).funnel().opened()).isEqualTo(new FunnelCount(1, 1));
        assertThat(daily.get(0).revenue()).isEmpty();
        assertThat(daily.get(1).funnel().opened()).isEqualTo(new FunnelCount(2, 2));
        assertThat(daily.get(1).revenue()).contains(eur("30.50"));
    }

    @Test
    void manyCampaignsAreReadTogetherAndAnUnknownOneIsEmpty() {
        history().deliverTo(projection);

        Map<String, CampaignPerformance> read = performances.of(List.of("ca-2", "ca-1", "ca-404"));

        assertThat(read).containsOnlyKeys("ca-2", "ca-1", "ca-404");
        assertThat(read.get("ca-1")).isEqualTo(performances.of("ca-1"));
        assertThat(read.get("ca-404").funnel()).isEqualTo(Funnel.EMPTY);
        assertThat(read.get("ca-404").cost()).isNull();
    }

    @Test
    void redeliveredEventsCountOnce() {
        ScriptedHistory history = history();
        history.deliverTo(projection);
        List<Document> before = rawDocuments();
        CampaignPerformance counted = performances.of("ca-1");

        history.deliverTo(projection);
        history.deliverTo(projection, 8);

        assertThat(rawDocuments()).isEqualTo(before);
        assertThat(performances.of("ca-1")).isEqualTo(counted);
    }

    @Test
    void aFullReplayGivesIdenticalDocuments() {
        ScriptedHistory history = history();
        history.deliverTo(projection);
        List<Document> live = rawDocuments();

        projection.reset();
        assertThat(rawDocuments()).isEmpty();
        history.deliverTo(projection);

        assertThat(rawDocuments()).isEqualTo(live);
        assertThat(checksum(rawDocuments())).isEqualTo(checksum(live));
    }

    @Test
    void theLatestPositionGrowsWithEveryFact() {
        history().deliverTo(projection);

        assertThat(performances.latestPosition("ca-1")).isEqualTo(OptionalLong.of(history().size()));
        assertThat(performances.latestPosition("ca-2")).isEqualTo(OptionalLong.of(6));
        assertThat(performances.latestPosition("ca-404")).isEmpty();
    }

    private static int checksum(List<Document> documents) {
        return documents.stream().map(Document::toJson).toList().hashCode();
    }

    private static CampaignMessageSent sent(String customerId, String campaignId, Instant at) {
        return new CampaignMessageSent(customerId, campaignId, customerId + ":" + campaignId, Channel.EMAIL,
                customerId + "@example.com", "Spring", "Hello", new ConsentBasis(Channel.EMAIL, "marketing",
                "signup-form", at.minusSeconds(3600)), at);
    }

    private static MessageEngaged engaged(String customerId, EngagementKind kind, Instant at, Money revenue) {
        return new MessageEngaged(customerId, "ca-1", customerId + ":ca-1", kind, "p-" + kind + at, at, revenue,
                kind == EngagementKind.CLICKED ? "https://example.com" : null);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    private List<Document> rawDocuments() {
        return database.getCollection(CampaignPerformances.COLLECTION.name())
                .find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
