package io.mms.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.mms.command.customer.AddCustomerTag;
import io.mms.command.customer.RegisterCustomer;
import io.mms.events.customer.CustomerRegistered;
import io.mms.events.customer.CustomerTagAdded;
import io.mms.example.StreamConsumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Partner systems following the event stream over HTTP, as Server-Sent Events and as pages of
 * JSON, with their keys, scopes and event types.
 */
class PartnerStreamTest {

    private static final String PARTNER_KEY = "partner-" + UUID.randomUUID();
    private static final String WEBSHOP_KEY = "webshop-" + UUID.randomUUID();
    private static final String EXPORTER_KEY = "exporter-" + UUID.randomUUID();

    @TempDir
    static Path dataDirectory;

    private static RunningMms mms;

    @BeforeAll
    static void start() {
        mms = RunningMms.start(dataDirectory,
                "--mms.clients.partner.api-key-sha256=" + ApiKeys.sha256(PARTNER_KEY),
                "--mms.clients.partner.scopes=events:read,personal-data",
                "--mms.clients.partner.event-types=*",
                "--mms.clients.webshop.api-key-sha256=" + ApiKeys.sha256(WEBSHOP_KEY),
                "--mms.clients.webshop.scopes=events:read",
                "--mms.clients.webshop.event-types=CustomerRegistered,CustomerTagAdded",
                "--mms.clients.exporter.api-key-sha256=" + ApiKeys.sha256(EXPORTER_KEY),
                "--mms.clients.exporter.scopes=events:export",
                "--mms.clients.exporter.event-types=*",
                "--mms.stream.heartbeat=1s");
    }

    @AfterAll
    static void stop() {
        mms.close();
    }

    @Test
    void aRequestWithoutAKnownKeyIsUnauthenticated() {
        mms.http("/api/v1/events").get().exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains("Bearer"));
        mms.http("/api/v1/events/stream").get().header("Authorization", "Bearer not-a-key").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.message").isEqualTo("the API key is not known");
    }

    @Test
    void aTypeOrScopeNotGrantedIsForbidden() {
        get("/api/v1/events?types=CampaignCreated", WEBSHOP_KEY)
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains("CampaignCreated"));
        get("/api/v1/events/stream", EXPORTER_KEY)
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.message").value(message ->
                        assertThat((String) message).contains("events:read"));
        get("/api/v1/events?types=NoSuchEvent", PARTNER_KEY)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION");
    }

    @Test
    void aLimitThatIsNotANumberIsRefusedWithACodeLikeAnyMalformedRequest() {
        get("/api/v1/events?limit=abc", PARTNER_KEY)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains("'limit'", "'abc'"));
    }

    @Test
    void aPullOrStreamStartingAtATimeGivenAsAnExportsFromIsRefusedRatherThanReadFromTheBeginning() {
        for (String path : List.of("/api/v1/events", "/api/v1/events/stream")) {
            get(path + "?from=2026-01-01T00:00:00Z", PARTNER_KEY)
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("VALIDATION")
                    .jsonPath("$.message").value(message -> assertThat((String) message).contains("'since'"));
        }
    }

    @Test
    void aPositionBeyondTheNewestEventIsRefusedRatherThanWaitedForInSilence() {
        register("ada-" + UUID.randomUUID() + "@example.com");
        long beyond = mms.bean(JdbcTemplate.class)
                .queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class) + 1_000;

        get("/api/v1/events?after=" + beyond, PARTNER_KEY)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION")
                .jsonPath("$.message").value(message -> assertThat((String) message)
                        .contains("position " + beyond, "never held"));
        mms.http("").get().uri("/api/v1/events/stream")
                .header("Authorization", "Bearer " + PARTNER_KEY)
                .header("Last-Event-ID", Long.toString(beyond)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION");
    }

    @Test
    void whatSpringRefusesByItselfOnPartnerPathsComesInThePartnersBody() {
        get("/api/v1/events/nothing-here", PARTNER_KEY)
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.message").value(message -> assertThat((String) message)
                        .contains("/api/v1/events/nothing-here"));
        mms.http("").post().uri("/api/v1/events").header("Authorization", "Bearer " + PARTNER_KEY).exchange()
                .expectStatus().isEqualTo(405)
                .expectBody().jsonPath("$.code").isEqualTo("METHOD_NOT_ALLOWED")
                .jsonPath("$.timestamp").doesNotExist();
    }

    @Test
    void personalDataIsLeftOutUnlessTheClientMayReadIt() {
        String customerId = register("grace-" + UUID.randomUUID() + "@example.com");

        JsonNode forWebshop = awaitEventOf(customerId, WEBSHOP_KEY, "CustomerRegistered");
        JsonNode forPartner = awaitEventOf(customerId, PARTNER_KEY, "CustomerRegistered");

        assertThat(forWebshop.get("payload").has("email")).isFalse();
        assertThat(forWebshop.get("payload").has("name")).isFalse();
        assertThat(forWebshop.get("payload").get("customerId").asText()).isEqualTo(customerId);
        assertThat(forPartner.get("payload").get("email").asText()).startsWith("grace-");
        assertThat(forPartner.get("payload").get("name").asText()).isEqualTo("Grace");
    }

    @Test
    void everyEventComesInTheSameEnvelope() {
        String customerId = register("ada-" + UUID.randomUUID() + "@example.com");

        JsonNode event = awaitEventOf(customerId, PARTNER_KEY, "CustomerRegistered");

        assertThat(event.get("type").asText()).isEqualTo("CustomerRegistered");
        assertThat(event.get("revision").asInt()).isEqualTo(1);
        assertThat(event.get("sequence").asLong()).isZero();
        assertThat(event.get("position").asLong()).isPositive();
        assertThat(event.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(event.get("correlationId").asText()).isNotBlank();
        assertThat(event.get("causationId").asText()).isNotBlank();
    }

    @Test
    void aTypeFilterDeliversOnlyThoseTypes() {
        String customerId = register("tagged-" + UUID.randomUUID() + "@example.com");
        commands().sendAndWait(new AddCustomerTag(customerId, "vip"));

        List<JsonNode> events = allPages("types=CustomerTagAdded", PARTNER_KEY);

        assertThat(events).isNotEmpty()
                .allSatisfy(event -> assertThat(event.get("type").asText()).isEqualTo("CustomerTagAdded"));
        assertThat(events).anySatisfy(event -> assertThat(event.get("aggregateId").asText()).isEqualTo(customerId));
    }

    /**
     * Ten thousand events are written first (while they are written, the embedded H2 store is too
     * busy to serve a useful pace), then another five hundred while the stream is read, so that
     * concurrent transactions leave positions that commit out of order.
     */
    @Test
    void aStreamResumedAfterDroppedConnectionsMissesNothingAndRepeatsNothing() {
        writeEvents(100, 99);
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> writeEvents(10, 49));
        List<Long> received = new ArrayList<>();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10)).until(() -> {
            String lastEventId = received.isEmpty() ? null : received.get(received.size() - 1).toString();
            try (EventStreamConnection stream = EventStreamConnection.open(streamUrl(), PARTNER_KEY, lastEventId)) {
                stream.read(1_500).forEach(event -> received.add(event.get("position").asLong()));
            }
            return writing.isDone() && received.size() >= storedPositions().size();
        });

        writing.join();
        assertThat(received).hasSizeGreaterThanOrEqualTo(10_000)
                .containsExactlyElementsOf(storedPositions());
        assertThat(allPages("limit=200", PARTNER_KEY))
                .extracting(event -> event.get("position").asLong())
                .containsExactlyElementsOf(storedPositions());
    }

    @Test
    void theReadmesJavaConsumerReadsEventRecordsAndResumesAfterTheLastItHandled() throws Exception {
        List<Long> before = storedPositions();
        String lastSeen = before.isEmpty() ? null : before.get(before.size() - 1).toString();
        String ada = register("ada-" + UUID.randomUUID() + "@example.com");
        commands().sendAndWait(new AddCustomerTag(ada, "vip"));
        StreamConsumer consumer = new StreamConsumer(mms.url(""), WEBSHOP_KEY,
                "CustomerRegistered,CustomerTagAdded", lastSeen);

        List<Object> first = follow(consumer, event -> !(event instanceof CustomerTagAdded tagged
                && tagged.customerId().equals(ada)));
        String grace = register("grace-" + UUID.randomUUID() + "@example.com");
        List<Object> second = follow(consumer, event -> false);

        assertThat(first).hasSize(2);
        assertThat(first.get(0)).isInstanceOfSatisfying(CustomerRegistered.class, registered -> {
            assertThat(registered.customerId()).isEqualTo(ada);
            assertThat(registered.email()).as("personal data, not granted to the webshop").isNull();
        });
        assertThat(first.get(1)).isInstanceOfSatisfying(CustomerTagAdded.class, tagged ->
                assertThat(tagged.tag()).isEqualTo("vip"));
        assertThat(second).singleElement().isInstanceOfSatisfying(CustomerRegistered.class, registered ->
                assertThat(registered.customerId()).isEqualTo(grace));
    }

    /** Follows the stream until the handler says stop, or fails after half a minute. */
    private static List<Object> follow(StreamConsumer consumer, Predicate<Object> goOn) throws Exception {
        List<Object> events = new CopyOnWriteArrayList<>();
        CompletableFuture.runAsync(() -> {
            try {
                consumer.follow(event -> events.add(event) && goOn.test(event));
            } catch (IOException | InterruptedException failed) {
                throw new IllegalStateException(failed);
            }
        }).get(30, TimeUnit.SECONDS);
        return events;
    }

    private static void writeEvents(int customers, int tagsEach) {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            CompletableFuture.allOf(IntStream.range(0, customers)
                    .mapToObj(i -> CompletableFuture.runAsync(() -> tagOneCustomer(tagsEach), writers))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            writers.shutdown();
        }
    }

    private static void tagOneCustomer(int tags) {
        String customerId = UUID.randomUUID().toString();
        commands().sendAndWait(new RegisterCustomer(customerId, customerId + "@example.com", "Load"));
        for (int tag = 0; tag < tags; tag++) {
            commands().sendAndWait(new AddCustomerTag(customerId, "tag-" + tag));
        }
    }

    private static List<Long> storedPositions() {
        return mms.bean(JdbcTemplate.class)
                .queryForList("SELECT globalIndex FROM DomainEventEntry ORDER BY globalIndex", Long.class);
    }

    private static List<JsonNode> allPages(String query, String key) {
        List<JsonNode> events = new ArrayList<>();
        long after = -1;
        while (true) {
            JsonNode page = page("/api/v1/events?after=" + after + "&" + query, key);
            page.get("events").forEach(events::add);
            if (page.get("next").asLong() == after) {
                return events;
            }
            after = page.get("next").asLong();
        }
    }

    private static JsonNode awaitEventOf(String aggregateId, String key, String type) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> allPages("types=" + type, key).stream()
                .filter(event -> event.get("aggregateId").asText().equals(aggregateId))
                .findFirst().orElse(null), event -> event != null);
    }

    private static JsonNode page(String uri, String key) {
        return get(uri, key).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static WebTestClient.ResponseSpec get(String uri, String key) {
        return mms.http("").get().uri(uri).header("Authorization", "Bearer " + key).exchange();
    }

    private static String streamUrl() {
        return mms.url("/api/v1/events/stream");
    }

    private static String register(String email) {
        String customerId = UUID.randomUUID().toString();
        commands().sendAndWait(new RegisterCustomer(customerId, email, "Grace"));
        return customerId;
    }

    private static CommandGateway commands() {
        return mms.bean(CommandGateway.class);
    }

}
