package io.mms.query.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mms.events.EventEnvelope;

import java.util.List;

/**
 * The event store's history, read in pages by position: for browsing, exporting and anything
 * else that reads what happened rather than following it live.
 *
 * <p>Reads never go past {@link #settledHead()}, the highest position below which no event can
 * still appear, so a reader that goes on after the last position it saw misses nothing.
 */
public interface EventHistory {

    /**
     * The events that match the filter with positions after {@code after} and up to
     * {@code upTo}, in position order, at most {@code limit}; with their whole payload.
     */
    List<EventEnvelope<ObjectNode>> read(HistoryFilter filter, long after, long upTo, int limit);

    /**
     * The highest position below which every event is visible: the store's head, unless a
     * transaction that took an earlier position may still commit.
     */
    long settledHead();
}
