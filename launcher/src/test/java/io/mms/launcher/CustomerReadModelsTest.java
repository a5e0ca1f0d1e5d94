package io.mms.launcher;

import de.bwaldvogel.mongo.MongoServer;
import io.mms.events.delivery.EngagementKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.MediaType;
import reactor.core.Disposable;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.mms.launcher.GraphQlErrors.singleError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The customer read models as a frontend uses them: profiles with filters and orders, the
 * timeline, and timeline entries pushed over a WebSocket, also by a process that runs only
 * the query side.
 */
class CustomerReadModelsTest {

    private static final Duration PROJECTION_LAG = Duration.ofSeconds(20);

    @TempDir
    static Path dataDirectory;

    @TempDir
    static Path queryOnlyDataDirectory;

    private static RunningMms mms;

    @BeforeAll
    static void start() {
        mms = RunningMms.start(dataDirectory, "--mms.query.timeline-poll-interval=200ms");
    }

    @AfterAll
    static void stop() {
        mms.close();
    }

    @Test
    void aCustomerShowsProfileConsentTagsStageAndTimeline() {
        String id = register("ada-" + UUID.randomUUID() + "@example.com", "Ada Lovelace");
        graphQl().documentName("updateCustomerProfile").variable("id", id).variable("phone", "+44 20 7946 0000")
                .variable("attributes", List.of(Map.of("key", "plan", "value", "gold"))).executeAndVerify();
        grantEmailConsent(id);
        tag(id, "VIP");
        graphQl().documentName("changeCustomerStage").variable("id", id).variable("stage", "CUSTOMER")
                .executeAndVerify();

        await().atMost(PROJECTION_LAG).ignoreExceptions().untilAsserted(() -> details(id, 10)
                .path("customer.timeline.edges").entityList(Object.class).hasSize(5)
                .path("customer.stage").entity(String.class).isEqualTo("CUSTOMER"));

        GraphQlTester.Response customer = details(id, 10);
        customer.path("customer.phone").entity(String.class).isEqualTo("+44 20 7946 0000")
                .path("customer.attributes[0].key").entity(String.class).isEqualTo("plan")
                .path("customer.consents[0].channel").entity(String.class).isEqualTo("EMAIL")
                .path("customer.consents[0].granted").entity(Boolean.class).isEqualTo(true)
                .path("customer.tags").entityList(String.class).containsExactly("vip")
                .path("customer.stage").entity(String.class).isEqualTo("CUSTOMER")
                .path("customer.engagement.score").entity(Double.class).isEqualTo(0.0)
                .path("customer.timeline.edges[*].node.kind").entityList(String.class).containsExactly(
                        "STAGE_CHANGED", "TAG_ADDED", "CONSENT_GRANTED", "PROFILE_UPDATED", "REGISTERED")
                .path("customer.timeline.edges[1].node.summary").entity(String.class).isEqualTo("Tagged 'vip'");
    }

    @Test
    void theTimelinePagesOlderEntriesAfterACursor() {
        String id = register("pages-" + UUID.randomUUID() + "@example.com", "Grace Hopper");
        for (int i = 0; i < 4; i++) {
            tag(id, "tag-" + i);
        }
        await().atMost(PROJECTION_LAG).ignoreExceptions().untilAsserted(() -> details(id, 10)
                .path("customer.timeline.edges").entityList(Object.class).hasSize(5));

        String cursor = details(id, 3).path("customer.timeline.pageInfo.endCursor").entity(String.class).get();

        graphQl().documentName("customerDetails").variable("id", id).variable("first", 3).variable("after", cursor)
                .execute()
                .path("customer.timeline.edges[*].node.summary").entityList(String.class)
                .containsExactly("Tagged 'tag-0'", "Registered")
                .path("customer.timeline.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void customersAreFilteredByPrefixTagAndConsentAndOrderedByScore() {
        String prefix = "f" + UUID.randomUUID().toString().substring(0, 8);
        String low = register(prefix + "-low@example.com", "Low");
        String high = register(prefix + "-high@example.com", "High");
        String untagged = register(prefix + "-untagged@example.com", "Untagged");
        List.of(low, high).forEach(id -> tag(id, "fans"));
        List.of(low, high, untagged).forEach(CustomerReadModelsTest::grantEmailConsent);
        engage(low, EngagementKind.OPENED);
        engage(high, EngagementKind.CONVERTED);
        Map<String, Object> filter = Map.of("emailPrefix", prefix.toUpperCase(), "tag", "fans",
                "consentChannel", "EMAIL");

        await().atMost(PROJECTION_LAG).untilAsserted(() -> assertThat(customerIds(filter, "SCORE", "DESC"))
                .containsExactly(high, low));
        assertThat(customerIds(Map.of("emailPrefix", prefix), "REGISTERED_AT", "ASC"))
                .containsExactly(low, high, untagged);
        customers(filter, "SCORE", "DESC").path("customers.edges[0].node.engagement.score").entity(Double.class)
                .satisfies(score -> assertThat(score).isBetween(9.0, 10.0));
    }

    @Test
    void aCursorOfAnotherOrderAndAnEmptyRegistrationWindowAreValidationErrors() {
        String cursor = customers(Map.of(), "SCORE", "DESC").path("customers.pageInfo.endCursor")
                .entity(String.class).get();

        ResponseError otherOrder = singleError(graphQl().documentName("customersFiltered")
                .variable("orderBy", Map.of("field", "LAST_ACTIVITY_AT")).variable("after", cursor));
        Instant now = Instant.now();
        ResponseError emptyWindow = singleError(graphQl().documentName("customersFiltered")
                .variable("filter", Map.of("registeredFrom", now.toString(), "registeredBefore", now.toString())));

        assertThat(otherOrder.getExtensions()).containsEntry("code", "VALIDATION");
        assertThat(emptyWindow.getExtensions()).containsEntry("code", "VALIDATION");
        assertThat(emptyWindow.getMessage()).contains("registeredBefore must be after registeredFrom");
    }

    @Test
    void newTimelineEntriesArePushedOverAWebSocket() {
        String id = register("live-" + UUID.randomUUID() + "@example.com", "Alan Turing");

        assertEntriesArePushed(mms.webSocketGraphQl(), id);
    }

    @Test
    void aProcessRunningOnlyTheQuerySidePushesEntriesThatAnotherProcessProjected() {
        int mongoPort = mms.bean(MongoServer.class).getLocalAddress().getPort();
        String id = register("remote-" + UUID.randomUUID() + "@example.com", "Katherine Johnson");

        try (RunningMms queryOnly = RunningMms.start(queryOnlyDataDirectory,
                "--mms.mongo.uri=mongodb://127.0.0.1:" + mongoPort,
                "--mms.sides.command=false", "--mms.sides.projections=false",
                "--mms.query.timeline-poll-interval=200ms")) {
            assertEntriesArePushed(queryOnly.webSocketGraphQl(), id);
        }
    }

    /**
     * Subscribes, then tags the customer until an entry arrives (the subscription starts after
     * an unknown delay, and pushes only what is recorded after it started); then changes the
     * stage and expects that entry next, after the tag entries and nothing twice.
     */
    private static void assertEntriesArePushed(WebSocketGraphQlTester webSocket, String customerId) {
        // Only what is recorded after subscribing is pushed; the registration must be older than that.
        await().atMost(PROJECTION_LAG).ignoreExceptions().untilAsserted(() -> details(customerId, 1)
                .path("customer.timeline.edges").entityList(Object.class).hasSize(1));
        List<Map<String, Object>> pushed = new CopyOnWriteArrayList<>();
        Disposable subscription = webSocket.documentName("timelineEntryAdded").variable("customerId", customerId)
                .executeSubscription().toFlux("timelineEntryAdded", Map.class)
                .subscribe(entry -> pushed.add(entry));
        try {
            AtomicInteger wave = new AtomicInteger();
            await().atMost(PROJECTION_LAG).pollInterval(Duration.ofMillis(500))
                    .until(() -> tagAgain(customerId, wave) && !pushed.isEmpty());
            graphQl().documentName("changeCustomerStage").variable("id", customerId).variable("stage", "CUSTOMER")
                    .executeAndVerify();

            await().atMost(PROJECTION_LAG).until(() -> pushed.stream()
                    .anyMatch(entry -> "STAGE_CHANGED".equals(entry.get("kind"))));
            assertThat(pushed).extracting(entry -> entry.get("id")).doesNotHaveDuplicates();
            assertThat(pushed).allSatisfy(entry -> assertThat(entry.get("customerId")).isEqualTo(customerId));
            assertThat(pushed.get(pushed.size() - 1).get("summary")).isEqualTo("Moved from LEAD to CUSTOMER");
            assertThat(pushed.subList(0, pushed.size() - 1)).extracting(entry -> entry.get("kind"))
                    .containsOnly("TAG_ADDED");
        } finally {
            subscription.dispose();
            webSocket.stop().block(Duration.ofSeconds(10));
        }
    }

    private static boolean tagAgain(String customerId, AtomicInteger wave) {
        tag(customerId, "wave-" + wave.incrementAndGet());
        return true;
    }

    /**
     * Sends the customer a campaign of their own (an audience of one tag), then reports the
     * engagement through the webhook as a provider would, retrying until the send is recorded.
     */
    private static void engage(String customerId, EngagementKind kind) {
        String audience = "audience-" + UUID.randomUUID();
        tag(customerId, audience);
        String campaignId = graphQl().documentName("createCampaign").variable("name", "For " + audience)
                .variable("channel", "EMAIL").variable("amount", "10").variable("currency", "EUR")
                .execute().path("createCampaign.campaignId").entity(String.class).get();
        graphQl().documentName("defineCampaignAudience").variable("id", campaignId)
                .variable("tags", List.of(audience)).executeAndVerify();
        graphQl().documentName("launchCampaign").variable("id", campaignId).executeAndVerify();
        Map<String, Object> report = new HashMap<>(Map.of("id", UUID.randomUUID().toString(),
                "messageId", customerId + ":" + campaignId, "type", kind.name().toLowerCase(),
                "occurredAt", Instant.now().toString()));
        if (kind == EngagementKind.CONVERTED) {
            report.put("revenue", Map.of("amount", "20.00", "currency", "EUR"));
        }

        await().atMost(PROJECTION_LAG).until(() -> "recorded".equals(reportEngagement(report)));
    }

    private static String reportEngagement(Map<String, Object> report) {
        List<Map<String, Object>> results = mms.http("/api/v1/webhooks/engagement").post()
                .contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(report))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
        return String.valueOf(results.get(0).get("status"));
    }

    private static List<String> customerIds(Map<String, Object> filter, String field, String direction) {
        return customers(filter, field, direction).path("customers.edges[*].node.id").entityList(String.class).get();
    }

    private static GraphQlTester.Response customers(Map<String, Object> filter, String field, String direction) {
        return graphQl().documentName("customersFiltered").variable("filter", filter)
                .variable("orderBy", Map.of("field", field, "direction", direction)).variable("first", 100)
                .execute();
    }

    private static GraphQlTester.Response details(String id, int first) {
        return graphQl().documentName("customerDetails").variable("id", id).variable("first", first).execute();
    }

    private static String register(String email, String name) {
        return graphQl().documentName("registerCustomer").variable("email", email).variable("name", name)
                .execute().path("registerCustomer.customerId").entity(String.class).get();
    }

    private static void tag(String id, String tag) {
        graphQl().documentName("addCustomerTag").variable("id", id).variable("tag", tag).executeAndVerify();
    }

    private static void grantEmailConsent(String id) {
        graphQl().documentName("grantConsent").variable("id", id).variable("channel", "EMAIL")
                .variable("purpose", "marketing").variable("source", "signup-form").executeAndVerify();
    }


    private static GraphQlTester graphQl() {
        return mms.graphQl();
    }
}
