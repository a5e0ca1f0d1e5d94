package io.mms.projections.support;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Positions in the event stream, as numbers: the global index of an event (the JDBC store's
 * {@code globalIndex}, Axon Server's token), which grows with every event appended.
 */
public final class StreamPositions {

    /** The position before the first event. */
    public static final long NONE = -1;

    private StreamPositions() {
    }

    /** The position of the newest event in the store, {@link #NONE} if it holds none. */
    public static long head(StreamableMessageSource<?> eventStore) {
        return of(eventStore.createHeadToken());
    }

    static long of(TrackingToken token) {
        return token == null ? NONE : token.position().orElse(NONE);
    }
}
