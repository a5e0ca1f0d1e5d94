package io.mms.projections.support;

import java.util.List;

/**
 * A read model: one projection with its own processor, token and collections, so that it can
 * be replayed, scaled or repaired alone.
 *
 * @param processor   the name of its event processor (and processing group)
 * @param collections the collections it writes, and no other read model writes
 * @param sequencedBy the event property whose value keys its documents (such as {@code customerId}):
 *                    events with the same value are handled in order; null to sequence per aggregate
 */
public record ReadModel(String processor, List<ReadModelCollection> collections, String sequencedBy) {

    /** A read model whose documents are keyed by the aggregate that publishes their events. */
    public ReadModel(String processor, List<ReadModelCollection> collections) {
        this(processor, collections, null);
    }
}
