package io.mms.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mms.command.customer.AddCustomerTag;
import io.mms.command.customer.RegisterCustomer;
import io.mms.query.history.EventHistory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Exporting the event history as NDJSON and CSV: content, filters, scopes, limits, and that it
 * is written as it is read.
 */
class EventExportTest {

    private static final String ANALYST_KEY = "analyst-" + UUID.randomUUID();
    private static final String EXPORTER_KEY = "exporter-" + UUID.randomUUID();
    private static final String READER_KEY = "reader-" + UUID.randomUUID();
    private static final String NARROW_KEY = "narrow-" + UUID.randomUUID();
    private static final int BATCH = 10;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDirectory;

    private static RunningMms mms;

    @BeforeAll
    static void start() {
        mms = RunningMms.start(List.of(GatedHistory.class), dataDirectory,
                "--mms.clients.analyst.api-key-sha256=" + ApiKeys.sha256(ANALYST_KEY),
                "--mms.clients.analyst.scopes=events:export,personal-data",
                "--mms.clients.analyst.event-types=*",
                "--mms.clients.exporter.api-key-sha256=" + ApiKeys.sha256(EXPORTER_KEY),
                "--mms.clients.exporter.scopes=events:export",
                "--mms.clients.exporter.event-types=*",
                "--mms.clients.reader.api-key-sha256=" + ApiKeys.sha256(READER_KEY),
                "--mms.clients.reader.scopes=events:read",
                "--mms.clients.reader.event-types=*",
                "--mms.clients.narrow.api-key-sha256=" + ApiKeys.sha256(NARROW_KEY),
                "--mms.clients.narrow.scopes=events:export",
                "--mms.clients.narrow.event-types=CustomerRegistered",
                "--mms.export.batch-size=" + BATCH,
                "--mms.export.max-per-client=1");
    }

    @AfterAll
    static void stop() {
        mms.close();
    }

    @AfterEach
    void openTheGate() {
        GatedHistory.GATE.open();
    }

    @Test
    void anNdjsonExportHoldsEveryMatchingEventInThePartnersEnvelope() {
        String id = customerWithTags("Ada", 24);

        List<JsonNode> exported = lines(get("/api/v1/events/export?format=ndjson&aggregateId=" + id, ANALYST_KEY));
        List<JsonNode> pulled = pulled("/api/v1/events?limit=1000", ANALYST_KEY).stream()
                .filter(event -> event.get("aggregateId").asText().equals(id)).toList();

        assertThat(exported).hasSize(25).containsExactlyElementsOf(pulled);
        assertThat(exported).extracting(event -> event.get("sequence").asLong())
                .containsExactlyElementsOf(range(0, 25));
        assertThat(exported.get(0).get("payload").get("name").asText()).isEqualTo("Ada");
    }

    @Test
    void aCsvExportHasAHeaderAndQuotesWhatNeedsQuoting() {
        String name = "Doe, \"Jo\"";
        String id = customerWithTags(name, 2);
        List<JsonNode> ndjson = lines(get("/api/v1/events/export?aggregateId=" + id, ANALYST_KEY));

        HttpResponse<String> csv = get("/api/v1/events/export?format=csv&aggregateId=" + id, ANALYST_KEY);
        List<List<String>> rows = parseCsv(csv.body());

        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        assertThat(csv.body()).startsWith(
                "position,type,revision,aggregateId,sequence,time,correlationId,causationId,payload\r\n");
        assertThat(rows).hasSize(4);
        for (int i = 0; i < 3; i++) {
            JsonNode event = ndjson.get(i);
            List<String> row = rows.get(i + 1);
            assertThat(row.subList(0, 8)).containsExactly(event.get("position").asText(), event.get("type").asText(),
                    event.get("revision").asText(), id, event.get("sequence").asText(), event.get("time").asText(),
                    event.get("correlationId").asText(), event.get("causationId").asText());
            assertThat(readTree(row.get(8))).isEqualTo(event.get("payload"));
        }
        assertThat(readTree(rows.get(1).get(8)).get("name").asText()).isEqualTo(name);
    }

    @Test
    void typesTimesAndPositionsNarrowTheExport() {
        String id = customerWithTags("Filtered", 6);
        List<JsonNode> all = lines(get("/api/v1/events/export?aggregateId=" + id, EXPORTER_KEY));
        String third = all.get(2).get("position").asText();
        String fifth = all.get(4).get("position").asText();
        Instant thirdTime = Instant.parse(all.get(2).get("time").asText());
        Instant fifthTime = Instant.parse(all.get(4).get("time").asText());

        assertThat(exported("types=CustomerTagAdded&aggregateId=" + id)).hasSize(6)
                .allSatisfy(event -> assertThat(event.get("type").asText()).isEqualTo("CustomerTagAdded"));
        assertThat(exported("aggregateId=" + id + "&after=" + third + "&upTo=" + fifth))
                .containsExactlyElementsOf(all.subList(3, 5));
        assertThat(exported("aggregateId=" + id + "&from=" + thirdTime + "&to=" + fifthTime))
                .extracting(event -> Instant.parse(event.get("time").asText()))
                .allSatisfy(time -> assertThat(time).isBetween(thirdTime, fifthTime.minusNanos(1)))
                .contains(thirdTime);
    }

    @Test
    void personalDataIsLeftOutWithoutItsScope() {
        String id = customerWithTags("Grace", 0);

        JsonNode registered = lines(get("/api/v1/events/export?aggregateId=" + id, EXPORTER_KEY)).get(0);

        assertThat(registered.get("payload").get("customerId").asText()).isEqualTo(id);
        assertThat(registered.get("payload").has("email")).isFalse();
        assertThat(registered.get("payload").has("name")).isFalse();
    }

    @Test
    void anExportNeedsTheExportScopeAndAValidRequest() {
        assertRefused(get("/api/v1/events/export", null), 401, "UNAUTHENTICATED", "Bearer");
        assertRefused(get("/api/v1/events/export", READER_KEY), 403, "FORBIDDEN", "events:export");
        assertRefused(get("/api/v1/events/export?types=CustomerTagAdded", NARROW_KEY), 403, "FORBIDDEN",
                "CustomerTagAdded");
        assertRefused(get("/api/v1/events/export?format=xml", EXPORTER_KEY), 400, "VALIDATION", "xml");
        assertRefused(get("/api/v1/events/export?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", EXPORTER_KEY),
                400, "VALIDATION", "must be after");
        assertRefused(get("/api/v1/events/export?after=yesterday", EXPORTER_KEY), 400, "VALIDATION", "yesterday");
        assertRefused(get("/api/v1/events/export?types=NoSuchEvent", EXPORTER_KEY), 400, "VALIDATION",
                "NoSuchEvent");
    }

    @Test
    void anExportStartingAtATimeGivenAsTheStreamsSinceIsRefusedRatherThanReadFromTheBeginning() {
        assertRefused(get("/api/v1/events/export?since=2026-01-01T00:00:00Z", EXPORTER_KEY), 400, "VALIDATION",
                "'from'");
    }

    @Test
    void aPositionRangeThatEndsBeforeItStartsIsAValidationError() {
        assertRefused(get("/api/v1/events/export?after=10&upTo=5", EXPORTER_KEY), 400, "VALIDATION", "'upTo'");
    }

    /**
     * The history is held back after its first batch until the client has read the export's
     * first line: an export that produced everything before writing, or wrote without flushing,
     * would never deliver that line.
     */
    @Test
    void theFirstEventsArriveBeforeTheRestOfTheHistoryIsRead() throws Exception {
        String id = customerWithTags("Streamed", 3 * BATCH);
        GatedHistory.GATE.close();

        try (BufferedReader export = open("/api/v1/events/export?aggregateId=" + id, EXPORTER_KEY)) {
            String first = CompletableFuture.supplyAsync(() -> readLine(export)).get(20, TimeUnit.SECONDS);

            assertThat(GatedHistory.GATE.held()).as("reads of the history waiting at the gate").isEqualTo(1);
            assertThat(readTree(first).get("sequence").asLong()).isZero();
            GatedHistory.GATE.open();
            assertThat(export.lines().count()).isEqualTo(3 * BATCH);
        }
    }

    @Test
    void aClientRunningAsManyExportsAsItMayIsRefusedAnotherWith429() throws Exception {
        String big = customerWithTags("Big", 2 * BATCH);
        String small = customerWithTags("Small", 0);
        GatedHistory.GATE.close();
        try (BufferedReader running = open("/api/v1/events/export?aggregateId=" + big, EXPORTER_KEY)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> GatedHistory.GATE.held() == 1);

            assertRefused(get("/api/v1/events/export?aggregateId=" + small, EXPORTER_KEY), 429,
                    "TOO_MANY_REQUESTS", "exporter");
            assertThat(lines(get("/api/v1/events/export?aggregateId=" + small, ANALYST_KEY))).hasSize(1);
            GatedHistory.GATE.open();
            assertThat(running.lines().count()).isEqualTo(2 * BATCH + 1);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(lines(get("/api/v1/events/export?aggregateId=" + small, EXPORTER_KEY))).hasSize(1));
    }

    @Test
    void anExportThatFailsMidwayBreaksOffInsteadOfEndingCleanly() throws Exception {
        String id = customerWithTags("Broken", 2 * BATCH);
        GatedHistory.GATE.failFromNowOn();

        try (BufferedReader export = open("/api/v1/events/export?aggregateId=" + id, EXPORTER_KEY)) {
            assertThat(readLine(export)).isNotNull();
            assertThatThrownBy(() -> export.lines().count()).hasRootCauseInstanceOf(IOException.class);
        }
    }

    private static List<JsonNode> exported(String query) {
        return lines(get("/api/v1/events/export?" + query, EXPORTER_KEY));
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code, String mentioning) {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode body = readTree(response.body());
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).contains(mentioning);
    }

    private static List<JsonNode> lines(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body().lines().map(EventExportTest::readTree).toList();
    }

    private static List<JsonNode> pulled(String uri, String key) {
        List<JsonNode> events = new ArrayList<>();
        readTree(get(uri, key).body()).get("events").forEach(events::add);
        return events;
    }

    private static HttpResponse<String> get(String uri, String key) {
        try {
            return HTTP.send(request(uri, key), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Starts an export and returns its body as it arrives. */
    private static BufferedReader open(String uri, String key) throws Exception {
        HttpResponse<InputStream> response = HTTP
                .sendAsync(request(uri, key), HttpResponse.BodyHandlers.ofInputStream())
                .get(20, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    private static HttpRequest request(String uri, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mms.url(uri)));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return request.build();
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException notJson) {
            throw new UncheckedIOException(notJson);
        }
    }

    /** RFC 4180: quoted fields may hold commas, line breaks and doubled quotes; rows end in CRLF. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (!quoted && c == '\r' && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }

    private static List<Long> range(long from, long to) {
        List<Long> numbers = new ArrayList<>();
        for (long n = from; n < to; n++) {
            numbers.add(n);
        }
        return numbers;
    }

    private static String customerWithTags(String name, int tags) {
        String customerId = UUID.randomUUID().toString();
        CommandGateway commands = mms.bean(CommandGateway.class);
        commands.sendAndWait(new RegisterCustomer(customerId, customerId + "@example.com", name));
        for (int tag = 0; tag < tags; tag++) {
            commands.sendAndWait(new AddCustomerTag(customerId, "tag-" + tag));
        }
        awaitSettledHistory();
        return customerId;
    }

    /** Exports end where no earlier transaction can still commit; wait until that is past the newest event. */
    private static void awaitSettledHistory() {
        long newest = mms.bean(JdbcTemplate.class).queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry",
                Long.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> mms.bean(EventHistory.class).settledHead() >= newest);
    }

    /** Puts a gate in front of the event history, so a test can hold an export midway. */
    @Configuration(proxyBeanMethods = false)
    static class GatedHistory {

        static final Gate GATE = new Gate();

        @Bean
        static BeanPostProcessor gateTheEventHistory() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof EventHistory history ? GATE.around(history) : bean;
                }
            };
        }
    }

    /**
     * While closed, a read that continues after a position (an export's second batch and later)
     * waits until the gate opens, or fails if so told; a read from the start passes.
     */
    static final class Gate {

        private volatile CountDownLatch opened = new CountDownLatch(0);
        private volatile boolean failing;
        private final AtomicInteger waiting = new AtomicInteger();

        void close() {
            opened = new CountDownLatch(1);
        }

        /** Makes every read that continues after a position fail, as a lost database would. */
        void failFromNowOn() {
            failing = true;
        }

        void open() {
            failing = false;
            opened.countDown();
        }

        /** How many reads wait at the gate now. */
        int held() {
            return waiting.get();
        }

        EventHistory around(EventHistory history) {
            return (EventHistory) Proxy.newProxyInstance(EventHistory.class.getClassLoader(),
                    new Class<?>[] {EventHistory.class}, (proxy, method, args) -> {
                        if (method.getName().equals("read") && (long) args[1] >= 0) {
                            pass();
                        }
                        try {
                            return method.invoke(history, args);
                        } catch (InvocationTargetException failed) {
                            throw failed.getCause();
                        }
                    });
        }

        private void pass() throws InterruptedException {
            if (failing) {
                throw new IllegalStateException("the event store is gone (a test's doing)");
            }
            CountDownLatch gate = opened;
            if (gate.getCount() == 0) {
                return;
            }
            waiting.incrementAndGet();
            try {
                gate.await(60, TimeUnit.SECONDS);
            } finally {
                waiting.decrementAndGet();
            }
        }
    }
}
