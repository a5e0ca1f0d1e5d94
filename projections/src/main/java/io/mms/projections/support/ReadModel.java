package io.mms.projections.support;

import java.util.List;

/**
 * A read model: one projection with its own processor, token and collections, so that it can
 * be replayed, scaled or repaired alone.
 *
 * @param processor   the name of its event processor (and processing group)
 * @param collections the collections it writes, and no other read model writes
 */
public record ReadModel(String processor, List<ReadModelCollection> collections) {
}
