package io.mms.launcher.eventstore;

import io.mms.projections.support.EventPositions;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each event's own position: read from {@code DomainEventEntry} by event identifier, one query
 * per batch, for events from the JDBC store, whose tokens name the highest position seen so
 * far; taken from the token for events from Axon Server, whose tokens have no gaps and name
 * each event's own position.
 */
final class JdbcEventPositions implements EventPositions {

    private static final String POSITIONS =
            "SELECT eventIdentifier, globalIndex FROM DomainEventEntry WHERE eventIdentifier IN (:ids)";

    private final NamedParameterJdbcTemplate jdbc;

    JdbcEventPositions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> of(List<? extends TrackedEventMessage<?>> events) {
        Map<String, Long> positions = new HashMap<>();
        List<String> stored = events.stream()
                .filter(JdbcEventPositions::fromJdbcStore)
                .map(TrackedEventMessage::getIdentifier)
                .toList();
        if (!stored.isEmpty()) {
            jdbc.query(POSITIONS, Map.of("ids", stored), row -> {
                positions.put(row.getString(1), row.getLong(2));
            });
        }
        events.stream()
                .filter(event -> !fromJdbcStore(event))
                .forEach(event -> positions.put(event.getIdentifier(), event.trackingToken().position().orElseThrow()));
        if (positions.size() < events.size()) {
            throw new IllegalStateException((events.size() - positions.size()) + " events of the batch are not in "
                    + "DomainEventEntry; their positions are unknown");
        }
        return positions;
    }

    private static boolean fromJdbcStore(TrackedEventMessage<?> event) {
        return WrappedToken.unwrap(event.trackingToken(), GapAwareTrackingToken.class).isPresent();
    }
}
