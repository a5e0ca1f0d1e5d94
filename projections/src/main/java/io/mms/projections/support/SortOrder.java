package io.mms.projections.support;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;

/**
 * The order of a listing: one field, ascending or descending, and then the id in the same
 * direction, so that no two documents share a place and a cursor names exactly one.
 *
 * @param field      the document field sorted by (a dotted path for an embedded one)
 * @param descending whether the largest values come first
 */
public record SortOrder(String field, boolean descending) {

    public static SortOrder ascending(String field) {
        return new SortOrder(field, false);
    }

    public static SortOrder descending(String field) {
        return new SortOrder(field, true);
    }

    /** Names the order inside a cursor, so that a cursor of one order is refused by another. */
    String tag() {
        return field + (descending ? ".desc" : ".asc");
    }

    Bson sort() {
        return descending ? Sorts.descending(field, "_id") : Sorts.ascending(field, "_id");
    }

    /** The documents that come after the place (key, id) in this order. */
    Bson after(Object key, String id) {
        if (descending) {
            return Filters.or(Filters.lt(field, key), Filters.and(Filters.eq(field, key), Filters.lt("_id", id)));
        }
        return Filters.or(Filters.gt(field, key), Filters.and(Filters.eq(field, key), Filters.gt("_id", id)));
    }
}
