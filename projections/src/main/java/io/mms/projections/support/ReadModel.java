package io.mms.projections.support;

import java.util.List;

/**
 * A read model: one projection with its own processor, token and collections, so that it can
 * be replayed, scaled or repaired alone.
 *
 * @param processor   the name of its event processor (and processing group)
 * @param collections the collections it writes, and no other read model writes
 * @param sequencedBy the event property whose value keys its documents (such as {@code customerId}):
 *                    events with the same value are handled in order; null to sequence per aggregate,
 *                    {@link #ONE_SEQUENCE} to handle every event of the read model in order
 */
public record ReadModel(String processor, List<ReadModelCollection> collections, String sequencedBy) {

    /** Puts all events of a read model in one sequence, for documents that combine several aggregates. */
    public static final String ONE_SEQUENCE = "*";

    /** A read model whose documents are keyed by the aggregate that publishes their events. */
    public ReadModel(String processor, List<ReadModelCollection> collections) {
        this(processor, collections, null);
    }
}
