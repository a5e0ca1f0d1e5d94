package io.mms.launcher;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import io.mms.projections.campaign.CampaignSummaries;
import io.mms.projections.performance.CampaignPerformances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.MediaType;
import reactor.core.Disposable;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Campaign performance and the marketing dashboard as a frontend uses them: after a real
 * launch and engagement reported through the webhook, through a page of campaigns whose
 * performance is read in a bounded number of queries, and pushed over a WebSocket.
 */
class CampaignReadModelsTest {

    private static final Duration PROJECTION_LAG = Duration.ofSeconds(30);

    @TempDir
    static Path dataDirectory;

    @TempDir
    static Path queryOnlyDataDirectory;

    private static RunningMms mms;

    @BeforeAll
    static void start() {
        mms = RunningMms.start(List.of(ReadModelReads.class), dataDirectory,
                "--mms.query.performance-poll-interval=200ms");
    }

    @AfterAll
    static void stop() {
        mms.close();
    }

    @Test
    void aLaunchedCampaignShowsItsFunnelRevenueCostAndReturn() {
        String audience = "audience-" + UUID.randomUUID();
        String ada = customerIn(audience);
        String bob = customerIn(audience);
        String campaignId = launchTo(audience);
        report(ada, campaignId, "delivered", null);
        report(bob, campaignId, "delivered", null);
        report(ada, campaignId, "opened", null);
        report(ada, campaignId, "opened", null);
        report(ada, campaignId, "clicked", null);
        report(ada, campaignId, "converted", Map.of("amount", "20.00", "currency", "EUR"));
        graphQl().documentName("recordCampaignSpend").variable("id", campaignId).variable("amount", "10.00")
                .variable("currency", "EUR").executeAndVerify();

        await().atMost(PROJECTION_LAG).ignoreExceptions().untilAsserted(() -> performance(campaignId)
                .path("campaign.performance.roi").entity(Double.class).isEqualTo(1.0));

        performance(campaignId)
                .path("campaign.audience.tags").entityList(String.class).containsExactly(audience)
                .path("campaign.audience.tagMatch").entity(String.class).isEqualTo("ALL")
                .path("campaign.performance.audienceSize").entity(Integer.class).isEqualTo(2)
                .path("campaign.performance.funnel.sent").entity(Map.class).isEqualTo(count(2, 2))
                .path("campaign.performance.funnel.delivered").entity(Map.class).isEqualTo(count(2, 2))
                .path("campaign.performance.funnel.opened").entity(Map.class).isEqualTo(count(2, 1))
                .path("campaign.performance.funnel.converted").entity(Map.class).isEqualTo(count(1, 1))
                .path("campaign.performance.rates.openRate").entity(Double.class).isEqualTo(0.5)
                .path("campaign.performance.rates.conversionRate").entity(Double.class).isEqualTo(1.0)
                .path("campaign.performance.revenue[0].amount").entity(BigDecimal.class)
                .satisfies(amount -> assertThat(amount).isEqualByComparingTo("20"))
                .path("campaign.performance.cost.amount").entity(BigDecimal.class)
                .satisfies(amount -> assertThat(amount).isEqualByComparingTo("10"))
                .path("campaign.performance.daily[*].funnel.sent.total").entityList(Integer.class)
                .satisfies(sent -> assertThat(sent.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2));
    }

    @Test
    void theDashboardCountsTodaysCustomersSendsAndConversions() {
        String audience = "dash-" + UUID.randomUUID();
        String ada = customerIn(audience);
        String campaignId = launchTo(audience);
        report(ada, campaignId, "converted", Map.of("amount", "5.00", "currency", "EUR"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        await().atMost(PROJECTION_LAG).ignoreExceptions().untilAsserted(() -> dashboard(today, today)
                .path("dashboard[0].channels[?(@.channel == 'EMAIL')].conversions").entityList(Integer.class)
                .satisfies(conversions -> assertThat(conversions.get(0)).isGreaterThanOrEqualTo(1)));

        dashboard(today, today)
                .path("dashboard[0].day").entity(String.class).isEqualTo(today)
                .path("dashboard[0].newCustomers").entity(Integer.class).satisfies(n -> assertThat(n).isPositive())
                .path("dashboard[0].channels[*].channel").entityList(String.class)
                .containsExactly("EMAIL", "SMS", "PUSH")
                .path("dashboard[0].channels[0].messagesSent").entity(Integer.class)
                .satisfies(n -> assertThat(n).isPositive());
        dashboard(today, "2020-01-01").errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "VALIDATION")));
    }

    @Test
    void aPageOfFiftyCampaignsReadsTheirPerformanceInOneBatch() {
        IntStream.range(0, 50).forEach(i -> createCampaign("Batch " + i));
        await().atMost(PROJECTION_LAG).until(() -> campaignsWithPerformance().path("campaigns.edges")
                .entityList(Object.class).get().size() == 50);
        ReadModelReads reads = mms.bean(ReadModelReads.class);

        reads.reset();
        GraphQlTester.Response page = campaignsWithPerformance();

        page.path("campaigns.edges[*].node.performance.funnel.sent.total").entityList(Integer.class).hasSize(50);
        assertThat(reads.readsOf(CampaignSummaries.COLLECTION.name())).isEqualTo(1);
        assertThat(reads.readsOf(CampaignPerformances.COLLECTION.name()))
                .as("one aggregation for the funnels and one find for money, not one per campaign")
                .isEqualTo(2);
    }

    @Test
    void performanceChangesArePushedOverAWebSocket() {
        assertChangesArePushed(mms.webSocketGraphQl());
    }

    @Test
    void aProcessRunningOnlyTheQuerySidePushesChangesThatAnotherProcessProjected() {
        int mongoPort = mms.bean(MongoServer.class).getLocalAddress().getPort();
        try (RunningMms queryOnly = RunningMms.start(queryOnlyDataDirectory,
                "--mms.mongo.uri=mongodb://127.0.0.1:" + mongoPort,
                "--mms.sides.command=false", "--mms.sides.projections=false",
                "--mms.query.performance-poll-interval=200ms")) {
            assertChangesArePushed(queryOnly.webSocketGraphQl());
        }
    }

    /**
     * Subscribes, then reports opens until one is pushed (the subscription starts after
     * an unknown delay and pushes only what is recorded after it started).
     */
    private static void assertChangesArePushed(WebSocketGraphQlTester webSocket) {
        String audience = "live-" + UUID.randomUUID();
        String ada = customerIn(audience);
        String campaignId = launchTo(audience);
        report(ada, campaignId, "delivered", null);
        List<Map<String, Object>> pushed = new CopyOnWriteArrayList<>();
        Disposable subscription = webSocket.documentName("campaignPerformanceChanged")
                .variable("campaignId", campaignId)
                .executeSubscription().toFlux("campaignPerformanceChanged", Map.class)
                .subscribe(performance -> pushed.add(performance));
        try {
            await().atMost(PROJECTION_LAG).pollInterval(Duration.ofMillis(500))
                    .until(() -> reportAgain(ada, campaignId)
                            && openedTotals(pushed).stream().anyMatch(total -> total > 0));

            assertThat(pushed).allSatisfy(performance ->
                    assertThat(performance.get("campaignId")).isEqualTo(campaignId));
            assertThat(openedTotals(pushed)).as("each push shows a newer state, none twice")
                    .isSorted().doesNotHaveDuplicates();
        } finally {
            subscription.dispose();
            webSocket.stop().block(Duration.ofSeconds(10));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> openedTotals(List<Map<String, Object>> pushed) {
        return pushed.stream().map(performance -> (Map<String, Map<String, Integer>>) performance.get("funnel"))
                .map(funnel -> funnel.get("opened").get("total")).toList();
    }

    private static boolean reportAgain(String customerId, String campaignId) {
        report(customerId, campaignId, "opened", null);
        return true;
    }

    private static Map<String, Object> count(int total, int unique) {
        return Map.of("total", total, "unique", unique);
    }

    /** A customer with email consent and the audience's tag, so that a launch to it reaches them. */
    private static String customerIn(String audience) {
        String id = graphQl().documentName("registerCustomer")
                .variable("email", UUID.randomUUID() + "@example.com").variable("name", "Reader")
                .execute().path("registerCustomer.customerId").entity(String.class).get();
        graphQl().documentName("grantConsent").variable("id", id).variable("channel", "EMAIL")
                .variable("purpose", "marketing").variable("source", "signup-form").executeAndVerify();
        graphQl().documentName("addCustomerTag").variable("id", id).variable("tag", audience).executeAndVerify();
        return id;
    }

    private static String launchTo(String audience) {
        String campaignId = createCampaign("For " + audience);
        graphQl().documentName("defineCampaignAudience").variable("id", campaignId)
                .variable("tags", List.of(audience)).executeAndVerify();
        graphQl().documentName("launchCampaign").variable("id", campaignId).executeAndVerify();
        return campaignId;
    }

    private static String createCampaign(String name) {
        return graphQl().documentName("createCampaign").variable("name", name).variable("channel", "EMAIL")
                .variable("amount", "100").variable("currency", "EUR")
                .execute().path("createCampaign.campaignId").entity(String.class).get();
    }

    /** Reports engagement through the webhook as a provider would, retrying until the send is recorded. */
    private static void report(String customerId, String campaignId, String type, Map<String, String> revenue) {
        Map<String, Object> report = new HashMap<>(Map.of("id", UUID.randomUUID().toString(),
                "messageId", customerId + ":" + campaignId, "type", type, "occurredAt", Instant.now().toString()));
        if (revenue != null) {
            report.put("revenue", revenue);
        }
        if ("clicked".equals(type)) {
            report.put("url", "https://example.com/offer");
        }
        await().atMost(PROJECTION_LAG).until(() -> "recorded".equals(post(report)));
    }

    private static String post(Map<String, Object> report) {
        List<Map<String, Object>> results = mms.http("/api/v1/webhooks/engagement").post()
                .contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(report))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
        return String.valueOf(results.get(0).get("status"));
    }

    private static GraphQlTester.Response performance(String campaignId) {
        return graphQl().documentName("campaignPerformance").variable("id", campaignId).execute();
    }

    private static GraphQlTester.Response campaignsWithPerformance() {
        return graphQl().documentName("campaignsWithPerformance").variable("first", 50).execute();
    }

    private static GraphQlTester.Response dashboard(String from, String to) {
        return graphQl().documentName("dashboard").variable("from", from).variable("to", to).execute();
    }

    private static GraphQlTester graphQl() {
        return mms.graphQl();
    }

    /** Counts the queries (find and aggregate) that reach each read-model collection through the driver. */
    @Configuration(proxyBeanMethods = false)
    static class ReadModelReads implements CommandListener {

        private static final Set<String> READS = Set.of("find", "aggregate");

        private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

        @Bean
        MongoClientSettingsBuilderCustomizer countReadModelReads() {
            return settings -> settings.addCommandListener(this);
        }

        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (READS.contains(event.getCommandName()) && event.getCommand().isString(event.getCommandName())) {
                String collection = event.getCommand().getString(event.getCommandName()).getValue();
                reads.computeIfAbsent(collection, name -> new AtomicInteger()).incrementAndGet();
            }
        }

        void reset() {
            reads.clear();
        }

        int readsOf(String collection) {
            return reads.getOrDefault(collection, new AtomicInteger()).get();
        }
    }
}
