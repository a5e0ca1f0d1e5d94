package io.mms.query.partner;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The JDBC storage engine's events after a token, read in the engine's batches and polled again
 * while waiting for new ones.
 *
 * <p>Used instead of the embedded event store's shared tailing stream, whose tokens, once a
 * reader catches up, describe the shared producer's gaps rather than this reader's: every
 * token seen here is the engine's answer to this reader's own previous token, so a gap in it is
 * a position this reader has not seen.
 */
final class StoragePollingStream implements BlockingStream<TrackedEventMessage<?>> {

    private static final long POLL_MILLIS = 250;

    private final EventStorageEngine engine;
    private TrackingToken lastToken;
    private Stream<? extends TrackedEventMessage<?>> batch;
    private Iterator<? extends TrackedEventMessage<?>> events;
    private TrackedEventMessage<?> peeked;

    StoragePollingStream(EventStorageEngine engine, TrackingToken start) {
        this.engine = engine;
        this.lastToken = start;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        if (peeked == null && hasNext()) {
            peeked = events.next();
        }
        return Optional.ofNullable(peeked);
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (peek().isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            closeBatch();
            TimeUnit.MILLISECONDS.sleep(Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left) + 1));
        }
        return true;
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() {
        TrackedEventMessage<?> next = peek().orElseThrow();
        peeked = null;
        lastToken = next.trackingToken();
        return next;
    }

    @Override
    public void close() {
        closeBatch();
    }

    private boolean hasNext() {
        if (events == null) {
            batch = engine.readEvents(lastToken, false);
            events = batch.iterator();
        }
        return events.hasNext();
    }

    private void closeBatch() {
        if (batch != null) {
            batch.close();
        }
        batch = null;
        events = null;
    }
}
