package io.mms.projections.segment;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import io.mms.events.audience.AudienceRule;
import io.mms.events.audience.TagMatch;
import io.mms.events.customer.LifecycleStage;
import io.mms.projections.support.Listing;
import io.mms.projections.support.Page;
import io.mms.projections.support.ReadModel;
import io.mms.projections.support.ReadModelCollection;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads the segment-membership read model: the saved segments, and per segment the customers
 * who currently meet its rule, each with the event that put them in.
 *
 * <p>Three collections: {@code segments} (one per segment, tombstoned when deleted, sharded by
 * {@code _id}), {@code segment_customer_facts} (what a rule may look at about each customer,
 * sharded by {@code _id}) and {@code segment_members} (one per segment and customer, sharded by
 * {@code segmentId}, so that a segment's members and count are read from one shard).
 */
public class SegmentMembership {

    public static final String PROCESSOR = "segment-membership";

    public static final ReadModelCollection SEGMENTS = new ReadModelCollection(
            "segments", "_id", List.of(Indexes.ascending("savedAt", "_id")));

    public static final ReadModelCollection FACTS = new ReadModelCollection(
            "segment_customer_facts", "_id", List.of());

    public static final ReadModelCollection MEMBERS = new ReadModelCollection(
            "segment_members", "segmentId", List.of(Indexes.ascending("segmentId", "joinedAt", "_id")));

    /**
     * One sequence for the whole read model: a membership depends on a customer's facts and a
     * segment's rule, which come from different aggregates and must be seen in stream order.
     */
    public static final ReadModel READ_MODEL =
            new ReadModel(PROCESSOR, List.of(SEGMENTS, FACTS, MEMBERS), ReadModel.ONE_SEQUENCE);

    static final String DELETED = "deleted";

    private final MongoCollection<Document> segments;
    private final MongoCollection<Document> members;

    public SegmentMembership(MongoDatabase database) {
        this.segments = database.getCollection(SEGMENTS.name());
        this.members = database.getCollection(MEMBERS.name());
    }

    public Optional<SegmentView> byId(String segmentId) {
        return Optional.ofNullable(segments.find(Filters.and(Filters.eq("_id", segmentId), live())).first())
                .map(SegmentMembership::toSegment);
    }

    /** Segments that are not deleted, in the order they were saved. */
    public Page<SegmentView> page(int first, String after) {
        return Listing.page(segments, live(), "savedAt", first, after, SegmentMembership::toSegment);
    }

    /** How many customers the segment has now. */
    public long count(String segmentId) {
        return members.countDocuments(Filters.eq("segmentId", segmentId));
    }

    /** The segment's members in the order they joined. */
    public Page<SegmentMember> members(String segmentId, int first, String after) {
        return Listing.page(members, Filters.eq("segmentId", segmentId), "joinedAt", first, after,
                SegmentMembership::toMember);
    }

    static String memberId(String segmentId, String customerId) {
        return segmentId + ":" + customerId;
    }

    static Document toDocument(AudienceRule rule) {
        return new Document("tagMatch", rule.tagMatch().name())
                .append("tags", rule.tags().stream().sorted().toList())
                .append("stages", rule.stages().stream().map(Enum::name).sorted().toList())
                .append("attributes", new Document(new TreeMap<>(rule.attributes())))
                .append("registeredAfter", date(rule.registeredAfter()))
                .append("registeredBefore", date(rule.registeredBefore()));
    }

    static AudienceRule toRule(Document rule) {
        Document attributes = rule.get("attributes", Document.class);
        Map<String, String> byKey = new LinkedHashMap<>();
        attributes.forEach((key, value) -> byKey.put(key, (String) value));
        return new AudienceRule(
                TagMatch.valueOf(rule.getString("tagMatch")),
                Set.copyOf(rule.getList("tags", String.class)),
                rule.getList("stages", String.class).stream().map(LifecycleStage::valueOf).collect(Collectors.toSet()),
                byKey,
                instant(rule.getDate("registeredAfter")),
                instant(rule.getDate("registeredBefore")));
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static Bson live() {
        return Filters.ne(DELETED, true);
    }

    private static SegmentView toSegment(Document document) {
        return new SegmentView(document.getString("_id"), document.getString("name"),
                toRule(document.get("rule", Document.class)), document.getDate("savedAt").toInstant());
    }

    private static SegmentMember toMember(Document document) {
        Document cause = document.get("joinedBy", Document.class);
        return new SegmentMember(document.getString("segmentId"), document.getString("customerId"),
                document.getDate("joinedAt").toInstant(),
                new SegmentMember.JoinedBy(cause.getString("type"), cause.getString("eventId"),
                        cause.getLong("position"), cause.getDate("at").toInstant()));
    }
}
