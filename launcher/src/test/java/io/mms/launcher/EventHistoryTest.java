package io.mms.launcher;

import io.mms.command.customer.AddCustomerTag;
import io.mms.command.customer.RegisterCustomer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mms.launcher.GraphQlErrors.singleError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Browsing the event history in GraphQL: filters, paging by cursor, the partners' envelope, and
 * personal data left out.
 */
class EventHistoryTest {

    /** The history ends below a position whose transaction may still commit, for 5 s at most. */
    private static final Duration SETTLING = Duration.ofSeconds(10);

    @TempDir
    static Path dataDirectory;

    private static RunningMms mms;

    @BeforeAll
    static void start() {
        mms = RunningMms.start(dataDirectory);
    }

    @AfterAll
    static void stop() {
        mms.close();
    }

    @Test
    void anAggregatesHistoryIsItsEventsInOrderInThePartnersEnvelope() {
        String id = register("Ada");
        tag(id, "vip");
        tag(id, "gold");

        List<Map<String, Object>> events = awaitEvents(Map.of("aggregateId", id), 3);

        assertThat(events).extracting(event -> event.get("type"))
                .containsExactly("CustomerRegistered", "CustomerTagAdded", "CustomerTagAdded");
        assertThat(events).extracting(event -> number(event, "sequence")).containsExactly(0L, 1L, 2L);
        assertThat(events).extracting(event -> number(event, "position"))
                .containsExactlyElementsOf(storedPositionsOf(id));
        Map<String, Object> tagged = events.get(1);
        assertThat(tagged).containsEntry("revision", 1).containsEntry("aggregateId", id);
        assertThat((String) tagged.get("time")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat((String) tagged.get("correlationId")).isNotBlank();
        assertThat((String) tagged.get("causationId")).isNotBlank();
        assertThat(payload(tagged)).containsEntry("customerId", id).containsEntry("tag", "vip");
    }

    @Test
    void personalDataIsLeftOutAndNamed() {
        String id = register("Grace");

        Map<String, Object> registered = awaitEvents(Map.of("aggregateId", id), 1).get(0);

        assertThat(payload(registered)).containsEntry("customerId", id).containsKey("registeredAt")
                .doesNotContainKeys("email", "name");
        assertThat(registered.get("personalDataOmitted")).isEqualTo(List.of("email", "name"));
    }

    @Test
    void aTypeFilterShowsOnlyThoseTypes() {
        String id = register("Tagged");
        tag(id, "blue");
        Map<String, Object> tagsOfOne = Map.of("aggregateId", id, "types", List.of("CustomerTagAdded"));

        List<Map<String, Object>> tags = awaitEvents(tagsOfOne, 1);

        assertThat(tags).singleElement().satisfies(event -> {
            assertThat(event.get("type")).isEqualTo("CustomerTagAdded");
            assertThat(payload(event)).containsEntry("tag", "blue");
        });
        assertThat(allEvents(Map.of("types", List.of("CustomerTagAdded", "CampaignCreated")), 100))
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.get("type")).isIn("CustomerTagAdded", "CampaignCreated"));
    }

    @Test
    void aTimeRangeShowsOnlyTheEventsRecordedInIt() {
        String before = register("Early");
        Instant between = awaitClockPast(latestEventTime());
        String after = register("Late");
        awaitEvents(Map.of("aggregateId", after), 1);

        List<Object> from = aggregateIds(Map.of("from", between.toString(), "types", List.of("CustomerRegistered")));
        List<Object> to = aggregateIds(Map.of("to", between.toString(), "types", List.of("CustomerRegistered")));

        assertThat(from).contains(after).doesNotContain(before);
        assertThat(to).contains(before).doesNotContain(after);
    }

    @Test
    void pagingGoesThroughTheHistoryWithoutGapsOrDuplicates() {
        String id = register("Pager");
        for (int i = 0; i < 9; i++) {
            tag(id, "tag-" + i);
        }
        awaitEvents(Map.of("aggregateId", id), 10);

        List<Map<String, Object>> byFour = allEvents(Map.of("aggregateId", id), 4);
        List<Map<String, Object>> everything = allEvents(Map.of(), 100);

        long last = number(everything.get(everything.size() - 1), "position");
        assertThat(byFour).extracting(event -> number(event, "position"))
                .containsExactlyElementsOf(storedPositionsOf(id));
        assertThat(everything).extracting(event -> number(event, "position"))
                .containsExactlyElementsOf(mms.bean(JdbcTemplate.class).queryForList(
                        "SELECT globalIndex FROM DomainEventEntry WHERE globalIndex <= ? ORDER BY globalIndex",
                        Long.class, last));
    }

    @Test
    void filtersAndPagesThatCannotBeServedAreValidationErrors() {
        Instant now = Instant.now();
        List<ResponseError> errors = List.of(
                singleError(events(Map.of("types", List.of("NoSuchEvent")), 10, null)),
                singleError(events(Map.of("from", now.toString(), "to", now.minusSeconds(60).toString()), 10, null)),
                singleError(events(Map.of("aggregateId", " "), 10, null)),
                singleError(events(Map.of(), 101, null)),
                singleError(events(Map.of(), 0, null)),
                singleError(events(Map.of(), 10, "not-a-cursor")));

        assertThat(errors).allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "VALIDATION"));
        assertThat(errors.get(0).getMessage()).contains("NoSuchEvent");
        assertThat(errors.get(1).getMessage()).contains("must be after");
        assertThat(errors.get(3).getMessage()).contains("100");
    }

    @Test
    void aCursorPastTheEndOfTheHistoryIsAValidationError() {
        ResponseError error = singleError(events(Map.of(), 10, Long.toString(Long.MAX_VALUE / 2)));

        assertThat(error.getExtensions()).containsEntry("code", "VALIDATION");
        assertThat(error.getMessage()).contains("is not a cursor of the event history");
    }

    private static List<Map<String, Object>> awaitEvents(Map<String, Object> filter, int count) {
        return await().atMost(SETTLING).until(() -> allEvents(filter, 100), events -> events.size() >= count);
    }

    private static List<Map<String, Object>> allEvents(Map<String, Object> filter, int pageSize) {
        List<Map<String, Object>> events = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            GraphQlTester.Response page = events(filter, pageSize, after).execute();
            events.addAll(page.path("events.edges[*].node").entityList(Map.class).get().stream()
                    .map(EventHistoryTest::typed).toList());
            more = page.path("events.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("events.pageInfo.endCursor").entity(String.class).get();
        }
        return events;
    }

    private static GraphQlTester.Request<?> events(Map<String, Object> filter, int first, String after) {
        return mms.graphQl().documentName("events")
                .variable("filter", filter).variable("first", first).variable("after", after);
    }

    private static List<Object> aggregateIds(Map<String, Object> filter) {
        return allEvents(filter, 100).stream().map(event -> event.get("aggregateId")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> typed(Map<?, ?> node) {
        return new HashMap<>((Map<String, Object>) node);
    }

    private static long number(Map<String, Object> event, String field) {
        return ((Number) event.get(field)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(Map<String, Object> event) {
        return (Map<String, Object>) event.get("payload");
    }

    private static List<Long> storedPositionsOf(String aggregateId) {
        return mms.bean(JdbcTemplate.class).queryForList(
                "SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY globalIndex",
                Long.class, aggregateId);
    }

    private static Instant latestEventTime() {
        String stored = mms.bean(JdbcTemplate.class).queryForObject(
                "SELECT MAX(timeStamp) FROM DomainEventEntry", String.class);
        return Instant.parse(stored);
    }

    /** An instant after the given one, once the clock has passed it, so later events are recorded after it. */
    private static Instant awaitClockPast(Instant instant) {
        Instant between = instant.plusMillis(1);
        await().atMost(Duration.ofSeconds(1)).until(() -> Instant.now().isAfter(between));
        return between;
    }

    private static String register(String name) {
        String customerId = UUID.randomUUID().toString();
        commands().sendAndWait(new RegisterCustomer(customerId, customerId + "@example.com", name));
        return customerId;
    }

    private static void tag(String customerId, String tag) {
        commands().sendAndWait(new AddCustomerTag(customerId, tag));
    }

    private static CommandGateway commands() {
        return mms.bean(CommandGateway.class);
    }
}
