package io.mms.projections.support;

import java.util.List;

/**
 * One page of a read model, in a stable order.
 *
 * @param items       the documents of the page, each with the cursor that points at it
 * @param hasNextPage whether documents follow the last one of the page
 */
public record Page<T>(List<Item<T>> items, boolean hasNextPage) {

    /** A document and the opaque cursor that resumes a listing right after it. */
    public record Item<T>(T node, String cursor) {
    }
}
