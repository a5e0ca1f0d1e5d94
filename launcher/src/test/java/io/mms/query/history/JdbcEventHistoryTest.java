package io.mms.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mms.events.customer.CustomerRegistered;
import io.mms.events.customer.CustomerTagAdded;
import io.mms.launcher.eventstore.ContractSerializer;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC history on the event store's real schema (the Flyway migrations) in an in-memory H2,
 * with events appended by Axon's own storage engine.
 */
class JdbcEventHistoryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private JdbcTemplate jdbc;
    private JdbcEventStorageEngine engine;

    @BeforeEach
    void createEventStore() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:history-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(ContractSerializer.create())
                .snapshotSerializer(ContractSerializer.create())
                .build();
    }

    @Test
    void aFilterByAggregateReadsThatAggregatesRowsThroughItsIndex() {
        for (int customer = 0; customer < 200; customer++) {
            appendCustomer("customer-" + customer, 10, T0);
        }
        HistoryFilter oneCustomer = new HistoryFilter(HistoryFilter.ALL_TYPES, "customer-42", null, null);
        JdbcEventHistory.Query query = JdbcEventHistory.Query.of(oneCustomer, -1, 2_000, 100);

        String plan = jdbc.queryForObject("EXPLAIN ANALYZE " + query.sql(), String.class, query.arguments());

        assertThat(plan).containsIgnoringCase("DOMAINEVENTENTRY_AGGREGATE_SEQUENCE");
        assertThat(scanCount(plan)).as("the aggregate's 10 rows and the probe that ends the range, of 2000")
                .isLessThanOrEqualTo(11);
        assertThat(history(T0).read(oneCustomer, -1, 2_000, 100))
                .extracting(event -> event.aggregateId() + "#" + event.sequence())
                .containsExactlyElementsOf(IntStream.range(0, 10)
                        .mapToObj(sequence -> "customer-42#" + sequence).toList());
    }

    @Test
    void aTimeRangeIncludesItsStartAndExcludesItsEnd() {
        appendCustomer("early", 1, T0);
        appendCustomer("start", 1, T0.plusSeconds(1));
        appendCustomer("end", 1, T0.plusSeconds(2));

        List<String> inRange = history(T0).read(new HistoryFilter(HistoryFilter.ALL_TYPES, null,
                        T0.plusSeconds(1), T0.plusSeconds(2)), -1, 100, 100).stream()
                .map(event -> event.aggregateId()).toList();

        assertThat(inRange).containsExactly("start");
    }

    @Test
    void aTypeFilterReadsOnlyThoseTypesAndStopsAtTheLimit() {
        appendCustomer("tagged", 5, T0);

        var tags = history(T0).read(new HistoryFilter(Set.of("CustomerTagAdded"), null, null, null), -1, 100, 3);

        assertThat(tags).extracting(event -> event.type()).containsExactly(
                "CustomerTagAdded", "CustomerTagAdded", "CustomerTagAdded");
        assertThat(tags).extracting(event -> event.payload().get("tag").asText())
                .containsExactly("tag-1", "tag-2", "tag-3");
    }

    @Test
    void theHistoryEndsBelowAPositionWhoseTransactionMayStillCommit() {
        appendCustomer("gap", 5, T0);
        jdbc.update("DELETE FROM DomainEventEntry WHERE globalIndex = 3");

        long whileYoung = history(T0.plusSeconds(1)).settledHead();
        long onceSettled = history(T0.plus(SETTLE).plusSeconds(1)).settledHead();

        assertThat(whileYoung).isEqualTo(2);
        assertThat(onceSettled).isEqualTo(5);
        assertThat(history(T0).read(new HistoryFilter(HistoryFilter.ALL_TYPES, null, null, null), -1, whileYoung, 100))
                .extracting(event -> event.position()).containsExactly(1L, 2L);
    }

    @Test
    void anEmptyStoreHasNothingSettled() {
        assertThat(history(T0).settledHead()).isEqualTo(-1);
    }

    private JdbcEventHistory history(Instant now) {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        return new JdbcEventHistory(jdbc, ContractSerializer.create(), () -> NoOpEventUpcaster.INSTANCE, json,
                SETTLE, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A customer's registration and then tags, all recorded at the given time. */
    private void appendCustomer(String id, int events, Instant at) {
        engine.appendEvents(IntStream.range(0, events)
                .mapToObj(sequence -> new GenericDomainEventMessage<>("Customer", id, sequence,
                        sequence == 0 ? new CustomerRegistered(id, id + "@example.com", "Name", at)
                                : new CustomerTagAdded(id, "tag-" + sequence, at),
                        Map.of(), UUID.randomUUID().toString(), at))
                .toList());
    }

    private static long scanCount(String plan) {
        Matcher count = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        assertThat(count.find()).as("the plan reports how many rows it scanned: " + plan).isTrue();
        return Long.parseLong(count.group(1));
    }
}
