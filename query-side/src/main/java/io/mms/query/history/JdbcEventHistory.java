package io.mms.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mms.events.EventCatalog;
import io.mms.events.EventEnvelope;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * The history of the JDBC event store, read with its own queries on Axon's event table so that
 * every condition is left to the database: a filter by aggregate goes through the table's index
 * on (aggregateIdentifier, sequenceNumber); types and times are compared on the stored columns,
 * in position order, until the page is full. Rows are upcast and deserialized by Axon's own
 * serializer and upcasters, exactly as the partner stream reads them.
 *
 * <p>Type filters compare the stored type name: an upcaster that renamed a type would have to be
 * matched here too. Times are compared as Axon stores them, fixed-width ISO-8601 text in UTC.
 */
class JdbcEventHistory implements EventHistory {

    private static final String COLUMNS = "globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, "
            + "type, timeStamp, payloadType, payloadRevision, payload, metaData";

    /**
     * How far below the head gaps are looked for. A transaction that stays open while this many
     * later events commit is taken as rolled back, as the partner stream's gap handling would
     * once its settle time has passed.
     */
    private static final int GAP_WINDOW = 10_000;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Supplier<EventUpcaster> upcasters;
    private final ObjectMapper json;
    private final Duration gapSettleTime;
    private final Clock clock;

    JdbcEventHistory(JdbcTemplate jdbc, Serializer serializer, Supplier<EventUpcaster> upcasters, ObjectMapper json,
                     Duration gapSettleTime, Clock clock) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.json = json;
        this.gapSettleTime = gapSettleTime;
        this.clock = clock;
    }

    @Override
    public List<EventEnvelope<ObjectNode>> read(HistoryFilter filter, long after, long upTo, int limit) {
        if (upTo <= after) {
            return List.of();
        }
        Query query = Query.of(filter, after, upTo, limit);
        List<TrackedEventData<?>> rows = jdbc.query(query.sql(), JdbcEventHistory::row, query.arguments());
        return EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), serializer, upcasters.get())
                .filter(message -> EventCatalog.isPublic(message.getPayloadType()))
                .map(this::envelope)
                .filter(envelope -> filter.types().contains(envelope.type()))
                .toList();
    }

    @Override
    public long settledHead() {
        Long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        if (head == null) {
            return -1;
        }
        List<Row> tail = jdbc.query("SELECT globalIndex, timeStamp FROM DomainEventEntry "
                        + "WHERE globalIndex > ? ORDER BY globalIndex",
                (rs, n) -> new Row(rs.getLong(1), DateTimeUtils.parseInstant(rs.getString(2))),
                head - GAP_WINDOW);
        return settledUpTo(tail, head);
    }

    /**
     * Walks the newest positions upwards; a missing position whose next event is younger than
     * the settle time may still be filled, so the history ends just below it.
     */
    private long settledUpTo(List<Row> tail, long head) {
        Instant settledBefore = clock.instant().minus(gapSettleTime);
        long expected = Math.max(1, head - GAP_WINDOW + 1);
        for (Row row : tail) {
            if (row.position() > expected && row.time().isAfter(settledBefore)) {
                return expected - 1;
            }
            expected = row.position() + 1;
        }
        return head;
    }

    private EventEnvelope<ObjectNode> envelope(TrackedEventMessage<?> message) {
        return EventEnvelopes.of(message.trackingToken().position().orElseThrow(), message, json);
    }

    /** Axon writes non-domain events with their own id as aggregate id and no type. */
    private static TrackedEventData<?> row(ResultSet rs, int rowNumber) throws SQLException {
        String eventId = rs.getString("eventIdentifier");
        String aggregateId = rs.getString("aggregateIdentifier");
        boolean domain = !eventId.equals(aggregateId);
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                domain ? rs.getString("type") : null,
                domain ? aggregateId : null,
                rs.getLong("sequenceNumber"),
                eventId,
                rs.getString("timeStamp"),
                rs.getString("payloadType"),
                rs.getString("payloadRevision"),
                rs.getBytes("payload"),
                rs.getBytes("metaData"));
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(rs.getLong("globalIndex")), entry);
    }

    private record Row(long position, Instant time) {
    }

    /** One page's statement: conditions only for what the filter names. */
    record Query(String sql, Object[] arguments) {

        static Query of(HistoryFilter filter, long after, long upTo, int limit) {
            StringBuilder where = new StringBuilder("globalIndex > ? AND globalIndex <= ?");
            List<Object> arguments = new ArrayList<>(List.of(after, upTo));
            if (filter.aggregateId() != null) {
                where.append(" AND aggregateIdentifier = ?");
                arguments.add(filter.aggregateId());
            }
            where.append(" AND payloadType IN (")
                    .append(String.join(", ", Collections.nCopies(filter.types().size(), "?")))
                    .append(")");
            arguments.addAll(filter.types().stream().sorted().toList());
            if (filter.from() != null) {
                where.append(" AND timeStamp >= ?");
                arguments.add(DateTimeUtils.formatInstant(filter.from()));
            }
            if (filter.to() != null) {
                where.append(" AND timeStamp < ?");
                arguments.add(DateTimeUtils.formatInstant(filter.to()));
            }
            arguments.add(limit);
            return new Query("SELECT " + COLUMNS + " FROM DomainEventEntry WHERE " + where
                    + " ORDER BY globalIndex LIMIT ?", arguments.toArray());
        }
    }
}
