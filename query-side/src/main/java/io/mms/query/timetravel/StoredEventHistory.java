package io.mms.query.timetravel;

import io.mms.projections.timetravel.EventHistory;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The event store's history as time travel reads it. One aggregate's events come without
 * snapshots, numbered by the aggregate's own sequence: Axon reads an aggregate's events without
 * their stream positions, and the projections only compare positions of one document's events.
 * The whole stream is read through the JDBC storage engine when there is one, in its batches;
 * through Axon Server's stream otherwise, until it stays quiet for a second.
 */
class StoredEventHistory implements EventHistory {

    private static final int QUIET_MILLIS = 1000;

    private final EventStore eventStore;
    private final EventStorageEngine storageEngine;

    StoredEventHistory(EventStore eventStore, EventStorageEngine storageEngine) {
        this.eventStore = eventStore;
        this.storageEngine = storageEngine;
    }

    @Override
    public Stream<TrackedEventMessage<?>> ofAggregate(String aggregateId) {
        return eventStore.readEvents(aggregateId, 0).asStream().map(StoredEventHistory::bySequence);
    }

    @Override
    public Stream<TrackedEventMessage<?>> all() {
        if (storageEngine != null) {
            return storageEngine.readEvents(null, false).map(event -> event);
        }
        BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null);
        return StreamSupport.stream(new UntilQuiet(stream), false).onClose(stream::close);
    }

    private static TrackedEventMessage<?> bySequence(DomainEventMessage<?> event) {
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(event.getSequenceNumber()),
                event);
    }

    /** A stream that keeps coming: what it delivers until a second passes without an event. */
    private static final class UntilQuiet extends Spliterators.AbstractSpliterator<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;

        UntilQuiet(BlockingStream<TrackedEventMessage<?>> stream) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.stream = stream;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventMessage<?>> action) {
            try {
                if (!stream.hasNextAvailable(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
                    return false;
                }
                action.accept(stream.nextAvailable());
                return true;
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
