package io.mms.projections.timeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.mms.projections.support.Listing;
import io.mms.projections.support.Page;
import io.mms.projections.support.ReadModel;
import io.mms.projections.support.ReadModelCollection;
import io.mms.projections.support.SortOrder;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the customer-timeline read model: every fact about one customer, newest first. Newest
 * means last recorded (highest position in the event stream), which is the order in which
 * the facts became known; an entry's time says when it happened.
 */
public class CustomerTimeline {

    public static final String PROCESSOR = "customer-timeline";

    static final String CUSTOMER = "customerId";

    public static final ReadModelCollection COLLECTION = new ReadModelCollection(
            "customer_timeline", CUSTOMER, List.of(Indexes.ascending(CUSTOMER, "position", "_id")));

    public static final ReadModel READ_MODEL = new ReadModel(PROCESSOR, List.of(COLLECTION), "customerId");

    private static final SortOrder NEWEST_FIRST = SortOrder.descending("position");

    private final MongoCollection<Document> collection;

    public CustomerTimeline(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION.name());
    }

    /** A page of the customer's entries, newest first. */
    public Page<TimelineEntry> page(String customerId, int first, String after) {
        return Listing.page(collection, Filters.eq(CUSTOMER, customerId), NEWEST_FIRST, first, after,
                CustomerTimeline::toEntry);
    }

    /** The customer's entries recorded after the given position, oldest first, at most {@code limit}. */
    public List<TimelineEntry> recordedAfter(String customerId, long position, int limit) {
        return collection.find(Filters.and(Filters.eq(CUSTOMER, customerId), Filters.gt("position", position)))
                .sort(Sorts.ascending("position"))
                .limit(limit)
                .map(CustomerTimeline::toEntry)
                .into(new ArrayList<>());
    }

    /** The position of the customer's newest entry, if they have any. */
    public OptionalLong latestPosition(String customerId) {
        Document newest = collection.find(Filters.eq(CUSTOMER, customerId))
                .sort(Sorts.descending("position"))
                .limit(1)
                .first();
        return newest == null ? OptionalLong.empty() : OptionalLong.of(newest.getLong("position"));
    }

    static TimelineEntry toEntry(Document document) {
        return new TimelineEntry(
                document.getString("_id"),
                document.getString(CUSTOMER),
                document.getLong("position"),
                TimelineEntryKind.valueOf(document.getString("kind")),
                document.getDate("occurredAt").toInstant(),
                document.getString("campaignId"),
                document.getString("summary"));
    }
}
