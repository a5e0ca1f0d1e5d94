package io.mms.projections.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Cursor pagination over a collection in a {@link SortOrder}: asks for one document more than
 * the page holds to learn whether another page follows.
 */
public final class Listing {

    /** The largest page a client can ask for. */
    public static final int MAX_PAGE_SIZE = 100;

    private Listing() {
    }

    /** A page in ascending order of a time field, then of id. */
    public static <T> Page<T> page(MongoCollection<Document> collection, Bson filter, String timeField,
                                   int first, String after, Function<Document, T> mapper) {
        return page(collection, filter, SortOrder.ascending(timeField), first, after, mapper);
    }

    public static <T> Page<T> page(MongoCollection<Document> collection, Bson filter, SortOrder order,
                                   int first, String after, Function<Document, T> mapper) {
        if (first < 1 || first > MAX_PAGE_SIZE) {
            throw new InvalidPageRequest("first must be between 1 and " + MAX_PAGE_SIZE + ", was " + first);
        }
        Bson where = after == null ? filter : Filters.and(filter, Cursor.decode(after).after(order));

        List<Document> found = collection.find(where)
                .sort(order.sort())
                .limit(first + 1)
                .into(new ArrayList<>());

        List<Page.Item<T>> items = found.stream().limit(first)
                .map(document -> new Page.Item<>(mapper.apply(document), Cursor.of(document, order).encode()))
                .toList();
        return new Page<>(items, found.size() > first);
    }
}
