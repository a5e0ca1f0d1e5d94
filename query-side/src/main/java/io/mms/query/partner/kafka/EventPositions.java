package io.mms.query.partner.kafka;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The positions of a batch's events in the stream, as the HTTP stream gives them.
 *
 * <p>A processor's tokens from the JDBC store name the highest position seen so far: an event
 * that commits late, into a gap below that position, arrives with a token that still names the
 * highest one. Its own position is therefore read from the store, one query per batch, by the
 * events' identifiers. Axon Server's tokens have no gaps and name each event's own position.
 */
final class EventPositions {

    private static final String POSITIONS =
            "SELECT eventIdentifier, globalIndex FROM DomainEventEntry WHERE eventIdentifier IN (:ids)";

    private final NamedParameterJdbcTemplate jdbc;

    EventPositions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each event's position, by event identifier. */
    Map<String, Long> of(List<TrackedEventMessage<?>> events) {
        Map<String, Long> positions = new HashMap<>();
        List<String> stored = events.stream()
                .filter(EventPositions::fromJdbcStore)
                .map(TrackedEventMessage::getIdentifier)
                .toList();
        if (!stored.isEmpty()) {
            jdbc.query(POSITIONS, Map.of("ids", stored), row -> {
                positions.put(row.getString(1), row.getLong(2));
            });
        }
        events.stream()
                .filter(event -> !fromJdbcStore(event))
                .forEach(event -> positions.put(event.getIdentifier(), ownPosition(event)));
        if (positions.size() < events.size()) {
            throw new IllegalStateException((events.size() - positions.size()) + " events of the batch are not in "
                    + "DomainEventEntry; their positions are unknown");
        }
        return positions;
    }

    private static long ownPosition(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }

    private static boolean fromJdbcStore(TrackedEventMessage<?> event) {
        return WrappedToken.unwrap(event.trackingToken(), GapAwareTrackingToken.class).isPresent();
    }
}
