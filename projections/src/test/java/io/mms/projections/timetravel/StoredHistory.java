package io.mms.projections.timetravel;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * An event store's history written by a test: each event is recorded by an aggregate at a given
 * time, gets the next position (from 1) and identifier {@code event-<position>}, and is read
 * back as the query side's history reads the real store.
 */
final class StoredHistory implements EventHistory {

    private final List<GenericDomainEventMessage<?>> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final AtomicInteger openStreams = new AtomicInteger();

    StoredHistory record(String aggregateId, Instant recordedAt, Object payload) {
        long sequence = sequences.merge(aggregateId, 0L, (last, zero) -> last + 1);
        String id = "event-" + (events.size() + 1);
        events.add(new GenericDomainEventMessage<>("Aggregate", aggregateId, sequence, payload,
                MetaData.emptyInstance(), id, recordedAt));
        return this;
    }

    int size() {
        return events.size();
    }

    /** How many streams were opened and not closed again. */
    int openStreams() {
        return openStreams.get();
    }

    /** Numbered by the aggregate's own sequence, as the event store reads one aggregate. */
    @Override
    public Stream<TrackedEventMessage<?>> ofAggregate(String aggregateId) {
        return opened(events.stream()
                .filter(event -> event.getAggregateIdentifier().equals(aggregateId))
                .map(event -> new GenericTrackedDomainEventMessage<>(
                        new GlobalSequenceTrackingToken(event.getSequenceNumber()), event)));
    }

    @Override
    public Stream<TrackedEventMessage<?>> all() {
        List<TrackedEventMessage<?>> tracked = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            tracked.add(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(i + 1), events.get(i)));
        }
        return opened(tracked.stream());
    }

    private Stream<TrackedEventMessage<?>> opened(Stream<? extends TrackedEventMessage<?>> stream) {
        openStreams.incrementAndGet();
        return stream.<TrackedEventMessage<?>>map(event -> event).onClose(openStreams::decrementAndGet);
    }
}
