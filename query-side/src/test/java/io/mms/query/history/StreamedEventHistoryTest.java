package io.mms.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mms.events.EventEnvelope;
import io.mms.events.customer.CustomerRegistered;
import io.mms.events.customer.CustomerTagAdded;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The history of a store read only through its stream, as with Axon Server, filtered here. */
class StreamedEventHistoryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Set<String> ALL = HistoryFilter.ALL_TYPES;

    private EmbeddedEventStore store;
    private StreamedEventHistory history;

    @BeforeEach
    void createStore() {
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        history = new StreamedEventHistory(store, new ObjectMapper().registerModule(new JavaTimeModule()),
                Duration.ofSeconds(5));
        append("ada", 0, T0);
        append("bob", 0, T0.plusSeconds(1));
        append("ada", 1, T0.plusSeconds(2));
        append("bob", 1, T0.plusSeconds(3));
        append("ada", 2, T0.plusSeconds(4));
    }

    @AfterEach
    void closeStore() {
        store.shutDown();
    }

    @Test
    void anAggregateFilterKeepsOnlyItsEventsInOrder() {
        List<EventEnvelope<ObjectNode>> ada = read(new HistoryFilter(ALL, "ada", null, null), -1, 100);

        assertThat(ada).extracting(EventEnvelope::sequence).containsExactly(0L, 1L, 2L);
        assertThat(ada).extracting(EventEnvelope::type)
                .containsExactly("CustomerRegistered", "CustomerTagAdded", "CustomerTagAdded");
    }

    @Test
    void typesTimesAndTheLimitAreAppliedAndTheHeadIsNotPassed() {
        HistoryFilter tagsFromTwoSeconds = new HistoryFilter(Set.of("CustomerTagAdded"), null,
                T0.plusSeconds(2), T0.plusSeconds(4));
        long head = history.settledHead();

        assertThat(read(tagsFromTwoSeconds, -1, 100)).extracting(EventEnvelope::aggregateId)
                .containsExactly("ada", "bob");
        assertThat(read(new HistoryFilter(ALL, null, null, null), -1, 2)).hasSize(2);
        assertThat(history.read(new HistoryFilter(ALL, null, null, null), -1, head - 1, 100)).hasSize(4);
        assertThat(read(new HistoryFilter(ALL, null, null, null), head, 100)).isEmpty();
    }

    @Test
    void readingOnAfterAPositionContinuesRightAfterIt() {
        List<EventEnvelope<ObjectNode>> first = read(new HistoryFilter(ALL, null, null, null), -1, 2);
        List<EventEnvelope<ObjectNode>> rest = read(new HistoryFilter(ALL, null, null, null),
                first.get(1).position(), 100);

        assertThat(rest).hasSize(3);
        assertThat(rest.get(0).position()).isGreaterThan(first.get(1).position());
    }

    private List<EventEnvelope<ObjectNode>> read(HistoryFilter filter, long after, int limit) {
        return history.read(filter, after, history.settledHead(), limit);
    }

    private void append(String customerId, long sequence, Instant at) {
        Object payload = sequence == 0
                ? new CustomerRegistered(customerId, customerId + "@example.com", "Name", at)
                : new CustomerTagAdded(customerId, "tag-" + sequence, at);
        store.publish(new GenericDomainEventMessage<>("Customer", customerId, sequence, payload, Map.of(),
                UUID.randomUUID().toString(), at));
    }
}
