package io.mms.query.partner;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.List;

/**
 * Translates between the positions partners see (one number per event, growing) and Axon's
 * tracking tokens. The JDBC event store tracks by global index with gaps, Axon Server by a
 * gapless global sequence; both give an event's position as that index.
 */
class StreamPositions {

    /** Before the first event: a stream from here delivers everything. */
    static final long START = -1;

    private final EventStore eventStore;
    private final boolean axonServer;

    StreamPositions(EventStore eventStore, boolean axonServer) {
        this.eventStore = eventStore;
        this.axonServer = axonServer;
    }

    /** The token from which a stream delivers the events after the position. */
    TrackingToken tokenAfter(long position) {
        if (position <= START) {
            return null;
        }
        return axonServer
                ? new GlobalSequenceTrackingToken(position)
                : GapAwareTrackingToken.newInstance(position, List.of());
    }

    /** The position after which the events recorded at or after the time begin. */
    long positionBefore(Instant time) {
        TrackingToken token = eventStore.createTokenAt(time);
        if (token == null) {
            return latest();
        }
        return token.position().orElse(START);
    }

    /** The position of the latest event, or {@link #START} while there is none. */
    long latest() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? START : head.position().orElse(START);
    }
}
