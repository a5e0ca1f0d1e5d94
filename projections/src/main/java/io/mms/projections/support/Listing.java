package io.mms.projections.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Cursor pagination over a collection ordered by a time field and then by id: asks for one
 * document more than the page holds to learn whether another page follows.
 */
public final class Listing {

    /** The largest page a client can ask for. */
    public static final int MAX_PAGE_SIZE = 100;

    private Listing() {
    }

    public static <T> Page<T> page(MongoCollection<Document> collection, Bson filter, String timeField,
                                   int first, String after, Function<Document, T> mapper) {
        if (first < 1 || first > MAX_PAGE_SIZE) {
            throw new InvalidPageRequest("first must be between 1 and " + MAX_PAGE_SIZE + ", was " + first);
        }
        Bson where = after == null ? filter : Filters.and(filter, Cursor.decode(after).after(timeField));

        List<Document> found = collection.find(where)
                .sort(Sorts.ascending(timeField, "_id"))
                .limit(first + 1)
                .into(new ArrayList<>());

        List<Page.Item<T>> items = found.stream().limit(first)
                .map(document -> new Page.Item<>(mapper.apply(document), cursorOf(document, timeField)))
                .toList();
        return new Page<>(items, found.size() > first);
    }

    private static String cursorOf(Document document, String timeField) {
        return new Cursor(document.getDate(timeField).toInstant(), document.getString("_id")).encode();
    }
}
