package io.mms.launcher.eventstore;

import io.mms.events.customer.CustomerTagAdded;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The gap query on the event store's real schema (the Flyway migrations) in an in-memory H2. */
class RangedGapQueryTest {

    private static final EventSchema SCHEMA = new EventSchema();

    private JdbcDataSource dataSource;

    @BeforeEach
    void createEventStore() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:gaps-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(ContractSerializer.create())
                .snapshotSerializer(ContractSerializer.create())
                .build();
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        engine.appendEvents(IntStream.range(0, 2_000)
                .mapToObj(sequence -> new GenericDomainEventMessage<>("Customer", "customer", sequence,
                        new CustomerTagAdded("customer", "tag-" + sequence, at), Map.of(),
                        UUID.randomUUID().toString(), at))
                .toList());
    }

    @Test
    void readsTheRowsAxonsOwnStatementReads() throws SQLException {
        List<Long> gaps = List.of(1_903L, 1_950L, 1_977L);

        try (Connection connection = dataSource.getConnection()) {
            List<Long> ranged = positions(new RangedGapQuery().build(connection, SCHEMA, 1_980, 50, gaps));
            List<Long> axons = positions(JdbcEventStorageEngineStatements.readEventDataWithGaps(
                    connection, SCHEMA, 1_980, 50, gaps));

            assertThat(ranged).isEqualTo(axons).startsWith(1_903L, 1_950L, 1_977L, 1_981L).endsWith(2_000L);
            assertThat(positions(new RangedGapQuery().build(connection, SCHEMA, 1_980, 50, List.of())))
                    .first().isEqualTo(1_981L);
        }
    }

    @Test
    void readsThroughThePositionIndexInsteadOfTheWholeTable() throws SQLException {
        List<Long> gaps = List.of(1_903L, 1_950L);

        try (Connection connection = dataSource.getConnection()) {
            long ranged = scanned(connection, new RangedGapQuery().build(connection, SCHEMA, 1_980, 10, gaps));
            long axons = scanned(connection, JdbcEventStorageEngineStatements.readEventDataWithGaps(
                    connection, SCHEMA, 1_980, 10, gaps));

            assertThat(axons).as("Axon's own statement on H2").isGreaterThanOrEqualTo(2_000);
            assertThat(ranged).as("from the lowest gap to the end of the batch").isLessThanOrEqualTo(100);
        }
    }

    private static List<Long> positions(PreparedStatement statement) throws SQLException {
        List<Long> positions = new ArrayList<>();
        try (statement; ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                positions.add(rows.getLong(SCHEMA.globalIndexColumn()));
            }
        }
        return positions;
    }

    /** Runs the statement's SQL under EXPLAIN ANALYZE, with its parameters written in. */
    private static long scanned(Connection connection, PreparedStatement statement) throws SQLException {
        String sql = statement.toString().replaceFirst("^prep\\d+: ", "").replaceFirst(" \\{.*$", "");
        String parameters = statement.toString().replaceFirst("^[^{]*\\{", "").replaceFirst("}$", "");
        for (String value : parameters.split(", ")) {
            sql = sql.replaceFirst("\\?", value.substring(value.indexOf(':') + 1).trim());
        }
        try (statement; PreparedStatement explain = connection.prepareStatement("EXPLAIN ANALYZE " + sql);
             ResultSet plan = explain.executeQuery()) {
            plan.next();
            Matcher count = Pattern.compile("scanCount: (\\d+)").matcher(plan.getString(1));
            assertThat(count.find()).as("the plan reports how many rows it scanned: " + plan.getString(1)).isTrue();
            return Long.parseLong(count.group(1));
        }
    }
}
