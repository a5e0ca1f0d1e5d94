package io.mms.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mms.events.EventCatalog;
import io.mms.events.EventEnvelope;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The history of an event store that is read only through its stream (Axon Server): every
 * event after the position is read and the filter is applied here, so a filter by aggregate
 * costs a scan of the range. Axon Server's positions have no gaps, so its head is settled.
 */
class StreamedEventHistory implements EventHistory {

    private final EventStore eventStore;
    private final ObjectMapper json;
    private final Duration patience;

    /**
     * @param patience how long to wait for the next event of a range that is known to exist,
     *                 before the stream is taken as broken
     */
    StreamedEventHistory(EventStore eventStore, ObjectMapper json, Duration patience) {
        this.eventStore = eventStore;
        this.json = json;
        this.patience = patience;
    }

    @Override
    public List<EventEnvelope<ObjectNode>> read(HistoryFilter filter, long after, long upTo, int limit) {
        List<EventEnvelope<ObjectNode>> page = new ArrayList<>();
        TrackingToken start = after < 0 ? null : new GlobalSequenceTrackingToken(after);
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(start)) {
            long position = after;
            while (page.size() < limit && position < upTo) {
                awaitNext(stream);
                TrackedEventMessage<?> message = stream.nextAvailable();
                position = message.trackingToken().position().orElseThrow();
                if (position <= upTo && matches(filter, message)) {
                    page.add(EventEnvelopes.of(position, message, json));
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event history", stopping);
        }
        return page;
    }

    @Override
    public long settledHead() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** Positions up to the head exist, so a stream that delivers none of them in time is broken. */
    private void awaitNext(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        if (!stream.hasNextAvailable((int) patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the event store delivered no event within "
                    + patience.toMillis() + " ms although its head lies further");
        }
    }

    private static boolean matches(HistoryFilter filter, TrackedEventMessage<?> message) {
        Class<?> payloadType = message.getPayloadType();
        if (!EventCatalog.isPublic(payloadType) || !filter.types().contains(EventCatalog.typeOf(payloadType))) {
            return false;
        }
        if (filter.aggregateId() != null && !(message instanceof DomainEventMessage<?> domain
                && filter.aggregateId().equals(domain.getAggregateIdentifier()))) {
            return false;
        }
        boolean afterFrom = filter.from() == null || !message.getTimestamp().isBefore(filter.from());
        return afterFrom && (filter.to() == null || message.getTimestamp().isBefore(filter.to()));
    }
}
