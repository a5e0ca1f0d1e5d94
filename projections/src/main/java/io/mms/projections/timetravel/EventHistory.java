package io.mms.projections.timetravel;

import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.stream.Stream;

/** Where time travel reads the history it replays: the event store. */
public interface EventHistory {

    /**
     * The aggregate's events, oldest first, none if there is no such aggregate. Their tokens
     * may count the aggregate's own events instead of the whole stream's: they are only
     * compared with each other.
     */
    Stream<TrackedEventMessage<?>> ofAggregate(String aggregateId);

    /** Every event, in stream order, read lazily; closing the stream releases what it holds. */
    Stream<TrackedEventMessage<?>> all();
}
