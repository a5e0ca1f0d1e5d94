package io.mms.query.partner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mms.events.EventCatalog;
import io.mms.events.EventEnvelope;
import io.mms.query.history.EventEnvelopes;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;

/**
 * Reads the event store's stream a page at a time, as partners see it.
 *
 * <p>Each page opens Axon's stream after a position and closes it again, so a reader holds no
 * more than one page in memory and nothing between pages. A page never passes a position that
 * may still be filled: in the JDBC store a transaction that began earlier can commit its event
 * at a lower position after a later one is visible. Such an event waits until the position
 * below it arrives, or until it is older than {@link StreamSettings#gapSettleTime()} (the
 * position then belongs to a transaction that rolled back). A partner resuming after a position
 * therefore never misses an event below it.
 */
class EventStreamReader {

    /** How many filtered-out events one page reads through at most before it returns. */
    private static final int MAX_SCAN = 10_000;

    private final EventStore eventStore;
    private final EventStorageEngine storageEngine;
    private final StreamPositions positions;
    private final ObjectMapper json;
    private final Duration gapSettleTime;
    private final Clock clock;

    /**
     * Reads through the storage engine when there is one (JDBC), else through the event store's
     * own streams (Axon Server, whose positions have no gaps).
     */
    EventStreamReader(EventStore eventStore, EventStorageEngine storageEngine, StreamPositions positions,
                      ObjectMapper json, Duration gapSettleTime, Clock clock) {
        this.eventStore = eventStore;
        this.storageEngine = storageEngine;
        this.positions = positions;
        this.json = json;
        this.gapSettleTime = gapSettleTime;
        this.clock = clock;
    }

    /**
     * Reads up to {@code limit} events after the position, waiting up to {@code wait} for the
     * first one when there is none yet.
     */
    EventPage read(long after, Subscription subscription, int limit, Duration wait) {
        try (BlockingStream<TrackedEventMessage<?>> stream = open(positions.tokenAfter(after))) {
            return new PageRead(stream, after, subscription, limit, wait).read();
        }
    }

    private BlockingStream<TrackedEventMessage<?>> open(TrackingToken token) {
        return storageEngine == null ? eventStore.openStream(token) : new StoragePollingStream(storageEngine, token);
    }

    private final class PageRead {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final Subscription subscription;
        private final int limit;
        private final long deadline;
        private final List<EventEnvelope<ObjectNode>> events = new ArrayList<>();
        private long cursor;
        private Set<Long> passedGaps = Set.of();

        PageRead(BlockingStream<TrackedEventMessage<?>> stream, long after, Subscription subscription,
                 int limit, Duration wait) {
            this.stream = stream;
            this.cursor = after;
            this.subscription = subscription;
            this.limit = limit;
            this.deadline = System.nanoTime() + wait.toNanos();
        }

        EventPage read() {
            try {
                return readUntilFull();
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return new EventPage(events, cursor, false);
            }
        }

        private EventPage readUntilFull() throws InterruptedException {
            int scanned = 0;
            while (events.size() < limit && scanned < MAX_SCAN && available()) {
                TrackedEventMessage<?> message = stream.peek().orElseThrow();
                if (!settled(message)) {
                    return new EventPage(events, cursor, true);
                }
                stream.nextAvailable();
                take(message);
                scanned++;
            }
            return new EventPage(events, cursor, false);
        }

        /** Waits for events only while the page is still empty. */
        private boolean available() throws InterruptedException {
            long waitNanos = events.isEmpty() ? Math.max(0, deadline - System.nanoTime()) : 0;
            return stream.hasNextAvailable((int) TimeUnit.NANOSECONDS.toMillis(waitNanos), TimeUnit.MILLISECONDS);
        }

        private boolean settled(TrackedEventMessage<?> message) {
            if (!(message.trackingToken() instanceof GapAwareTrackingToken token)) {
                return true;
            }
            SortedSet<Long> open = token.getGaps().tailSet(cursor + 1);
            if (passedGaps.containsAll(open)) {
                return true;
            }
            return message.getTimestamp().isBefore(clock.instant().minus(gapSettleTime));
        }

        private void take(TrackedEventMessage<?> message) {
            long position = message.trackingToken().position().orElseThrow();
            if (position <= cursor) {
                return;
            }
            if (message.trackingToken() instanceof GapAwareTrackingToken token) {
                passedGaps = Set.copyOf(token.getGaps().tailSet(cursor + 1));
            }
            cursor = position;
            Class<?> payloadType = message.getPayloadType();
            if (EventCatalog.isPublic(payloadType) && subscription.accepts(EventCatalog.typeOf(payloadType))) {
                events.add(envelope(position, message, subscription));
            }
        }
    }

    private EventEnvelope<ObjectNode> envelope(long position, TrackedEventMessage<?> message,
                                               Subscription subscription) {
        EventEnvelope<ObjectNode> envelope = EventEnvelopes.of(position, message, json);
        return subscription.personalData() ? envelope : EventEnvelopes.withoutPersonalData(envelope);
    }
}
