package io.mms.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A launched campaign reaches exactly the customers who match its audience and consent to its
 * channel when their turn comes. The embedded default records outgoing messages in the outbox
 * file, which is what these tests read.
 */
class CampaignDeliveryTest {

    private static final int CUSTOMERS = 1_000;
    private static final Duration DELIVERY = Duration.ofSeconds(90);

    @TempDir
    static Path dataDirectory;

    private static RunningMms mms;
    private static List<String> customers;

    @BeforeAll
    static void registerCustomersWithMixedTagsAndConsents() {
        mms = RunningMms.start(dataDirectory);
        customers = IntStream.range(0, CUSTOMERS).mapToObj(CampaignDeliveryTest::registerCustomer).toList();
    }

    @AfterAll
    static void stop() {
        mms.close();
    }

    @Test
    void aLaunchSendsExactlyToTheCustomersWhoMatchAndConsent() {
        String campaign = createCampaign("VIP winter sale", "EMAIL");
        graphQl().documentName("defineCampaignAudience").variable("id", campaign)
                .variable("tags", List.of("vip")).executeAndVerify();
        Set<String> expected = IntStream.range(0, CUSTOMERS).filter(i -> isVip(i) && consentsToEmail(i))
                .mapToObj(customers::get).collect(Collectors.toSet());

        launch(campaign);

        awaitDeliveryOf(campaign);
        List<JsonNode> sent = outboxOf(campaign);
        assertThat(sent).extracting(message -> message.get("customerId").asText())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(sent).allSatisfy(message -> assertThat(message.get("subject").asText()).isEqualTo("VIP winter sale"));
        assertThat(eventsOnStreamOf(campaign)).as("the campaign's own stream does not grow with its audience")
                .hasSizeLessThan(5);
    }

    @Test
    void aConsentWithdrawnWhileTheLaunchRunsIsHonoured() {
        String campaign = createCampaign("Everyone who consents", "EMAIL");
        List<String> withdrawing = IntStream.range(0, CUSTOMERS).filter(CampaignDeliveryTest::consentsToEmail)
                .mapToObj(customers::get).filter(id -> id.hashCode() % 4 == 0).toList();

        launch(campaign);
        CompletableFuture<Void> withdrawals = CompletableFuture.runAsync(() -> withdrawing.forEach(id ->
                graphQl().documentName("withdrawConsent").variable("id", id).variable("channel", "EMAIL")
                        .variable("purpose", "marketing").variable("source", "preference-center")
                        .executeAndVerify()));

        withdrawals.join();
        awaitDeliveryOf(campaign);
        assertThat(withdrawing).isNotEmpty().allSatisfy(id ->
                assertThat(sentAfterWithdrawal(id)).as("sent to %s after consent was withdrawn", id).isFalse());
        Set<String> reached = outboxOf(campaign).stream().map(m -> m.get("customerId").asText())
                .collect(Collectors.toSet());
        IntStream.range(0, CUSTOMERS).filter(CampaignDeliveryTest::consentsToEmail).mapToObj(customers::get)
                .filter(id -> !withdrawing.contains(id))
                .forEach(id -> assertThat(reached).as("consenting customer %s", id).contains(id));
    }

    @Test
    void theSameWebhookBatchPostedTwiceIsRecordedOnce() {
        String customer = graphQl().documentName("registerCustomer")
                .variable("email", "engaged@example.com").variable("name", "Engaged")
                .execute().path("registerCustomer.customerId").entity(String.class).get();
        grant(customer, "EMAIL");
        String campaign = createCampaign("Engaging", "EMAIL");
        launch(campaign);
        awaitDeliveryOf(campaign);
        String message = customer + ":" + campaign;
        String at = Instant.now().minusSeconds(1).toString();
        List<Map<String, Object>> batch = List.of(
                Map.of("id", "evt-1", "messageId", message, "type", "delivered", "occurredAt", at),
                Map.of("id", "evt-2", "messageId", message, "type", "clicked", "occurredAt", at,
                        "url", "https://shop.example/sale"),
                Map.of("id", "evt-3", "messageId", message, "type", "converted", "occurredAt", at,
                        "revenue", Map.of("amount", "12.50", "currency", "EUR")),
                Map.of("id", "evt-4", "messageId", message, "type", "unsubscribed",
                        "occurredAt", at));

        List<String> first = statusesOf(postEngagement(batch));
        long storedAfterFirst = mms.storedEvents();
        List<String> second = statusesOf(postEngagement(batch));

        assertThat(first).containsExactly("recorded", "recorded", "recorded", "recorded");
        assertThat(second).containsExactly("duplicate", "duplicate", "duplicate", "duplicate");
        assertThat(mms.storedEvents()).isEqualTo(storedAfterFirst);
        assertThat(eventsOnStreamOf(customer)).containsSubsequence(
                "CampaignMessageSent", "MessageEngaged", "MessageEngaged", "MessageEngaged", "MessageEngaged",
                "ConsentWithdrawn");
    }

    private static List<Map<String, Object>> postEngagement(List<Map<String, Object>> batch) {
        return mms.http("/api/v1/webhooks/engagement").post()
                .contentType(MediaType.APPLICATION_JSON).bodyValue(batch)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                })
                .returnResult().getResponseBody();
    }

    private static List<String> statusesOf(List<Map<String, Object>> results) {
        return results.stream().map(result -> String.valueOf(result.get("status"))).toList();
    }

    private static boolean isVip(int i) {
        return i % 3 == 0;
    }

    private static boolean consentsToEmail(int i) {
        return i % 2 == 0;
    }

    private static String registerCustomer(int i) {
        String id = graphQl().documentName("registerCustomer")
                .variable("email", "delivery-" + i + "@example.com").variable("name", "Customer " + i)
                .execute().path("registerCustomer.customerId").entity(String.class).get();
        if (isVip(i)) {
            graphQl().documentName("addCustomerTag").variable("id", id).variable("tag", "VIP").executeAndVerify();
        }
        if (consentsToEmail(i)) {
            grant(id, "EMAIL");
        }
        if (i % 5 == 0) {
            grant(id, "SMS");
        }
        return id;
    }

    private static void grant(String customerId, String channel) {
        graphQl().documentName("grantConsent").variable("id", customerId).variable("channel", channel)
                .variable("purpose", "marketing").variable("source", "signup-form").executeAndVerify();
    }

    private static String createCampaign(String name, String channel) {
        return graphQl().documentName("createCampaign").variable("name", name).variable("channel", channel)
                .variable("amount", "1000").variable("currency", "EUR")
                .execute().path("createCampaign.campaignId").entity(String.class).get();
    }

    private static void launch(String campaign) {
        graphQl().documentName("launchCampaign").variable("id", campaign).executeAndVerify();
    }

    /** Waits until both delivery processors have handled everything the launch caused. */
    private static void awaitDeliveryOf(String campaign) {
        long launchedAt = jdbc().queryForObject("SELECT globalIndex FROM DomainEventEntry"
                + " WHERE aggregateIdentifier = ? AND payloadType = 'CampaignLaunched'", Long.class, campaign);
        await().atMost(DELIVERY).until(() -> processedPast("campaign-delivery", launchedAt)
                && processedPast("message-dispatch", headOfStore())
                && outboxOf(campaign).size() == sentEventsOf(campaign));
    }

    private static boolean processedPast(String processor, long position) {
        Map<Integer, EventTrackerStatus> segments = mms.bean(EventProcessingConfiguration.class)
                .eventProcessor(processor, StreamingEventProcessor.class).orElseThrow().processingStatus();
        return !segments.isEmpty() && segments.values().stream().allMatch(status -> status.isCaughtUp()
                && status.getCurrentPosition().orElse(-1) >= position);
    }

    private static long headOfStore() {
        return jdbc().queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
    }

    private static int sentEventsOf(String campaign) {
        return jdbc().queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType = 'CampaignMessageSent'"
                + " AND payload LIKE ?", Integer.class, "%" + campaign + "%");
    }

    private static boolean sentAfterWithdrawal(String customerId) {
        List<String> history = jdbc().queryForList("SELECT payloadType FROM DomainEventEntry"
                + " WHERE aggregateIdentifier = ? ORDER BY sequenceNumber", String.class, customerId);
        int withdrawn = history.indexOf("ConsentWithdrawn");
        return withdrawn >= 0 && history.subList(withdrawn, history.size()).contains("CampaignMessageSent");
    }

    private static List<String> eventsOnStreamOf(String aggregateId) {
        return jdbc().queryForList("SELECT payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " ORDER BY sequenceNumber", String.class, aggregateId);
    }

    private static List<JsonNode> outboxOf(String campaign) {
        Path outbox = dataDirectory.resolve("outbox").resolve("messages.ndjson");
        if (!Files.exists(outbox)) {
            return List.of();
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> messages = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(outbox)) {
                JsonNode message = json.readTree(line);
                if (message.get("campaignId").asText().equals(campaign)) {
                    messages.add(message);
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return messages;
    }

    private static JdbcTemplate jdbc() {
        return mms.bean(JdbcTemplate.class);
    }

    private static GraphQlTester graphQl() {
        return mms.graphQl();
    }
}
