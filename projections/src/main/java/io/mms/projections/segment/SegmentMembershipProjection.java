package io.mms.projections.segment;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.mms.events.EventCatalog;
import io.mms.events.audience.CustomerFacts;
import io.mms.events.customer.CustomerProfileUpdated;
import io.mms.events.customer.CustomerRegistered;
import io.mms.events.customer.CustomerStageChanged;
import io.mms.events.customer.CustomerTagAdded;
import io.mms.events.customer.CustomerTagRemoved;
import io.mms.events.customer.LifecycleStage;
import io.mms.events.segment.SegmentDeleted;
import io.mms.events.segment.SegmentRenamed;
import io.mms.events.segment.SegmentRuleChanged;
import io.mms.events.segment.SegmentSaved;
import io.mms.projections.segment.BatchState.KnownCustomer;
import io.mms.projections.segment.BatchState.KnownSegment;
import io.mms.projections.support.DocumentWrites;
import io.mms.projections.support.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static io.mms.projections.segment.SegmentMembership.DELETED;
import static io.mms.projections.segment.SegmentMembership.FACTS;
import static io.mms.projections.segment.SegmentMembership.MEMBERS;
import static io.mms.projections.segment.SegmentMembership.SEGMENTS;
import static io.mms.projections.segment.SegmentMembership.date;
import static io.mms.projections.segment.SegmentMembership.memberId;
import static io.mms.projections.support.DocumentWrites.POSITION;
import static io.mms.projections.support.DocumentWrites.positionOf;

/**
 * Keeps every segment's members current as customers and rules change, with no rebuild job:
 * each customer change measures that customer against every segment's rule, and each saved or
 * changed rule measures every customer against it. A customer who meets a rule gets one member
 * document, stamped with the event that put them in; one who stops meeting it loses it.
 *
 * <p>Every event of this read model is handled in one sequence (see {@link SegmentMembership}),
 * so when an event is handled all earlier customer and segment events are already reflected.
 * An event that the stored facts or rule already reflect (a redelivery) is not applied again;
 * memberships are then measured against the stored state, which later events of the redelivered
 * batch bring to the same end as the first delivery.
 */
@Component
@ProcessingGroup(SegmentMembership.PROCESSOR)
public class SegmentMembershipProjection {

    private static final CustomerFacts NOTHING_KNOWN = new CustomerFacts(Set.of(), null, Map.of(), null);

    private final ProjectionWriter writer;
    private final MongoCollection<Document> segments;
    private final MongoCollection<Document> facts;

    public SegmentMembershipProjection(ProjectionWriter writer, MongoDatabase readModelDatabase) {
        this.writer = writer;
        this.segments = readModelDatabase.getCollection(SEGMENTS.name());
        this.facts = readModelDatabase.getCollection(FACTS.name());
    }

    @EventHandler
    public void on(CustomerRegistered event, @MessageIdentifier String eventId, TrackingToken token) {
        customerChanged(event.customerId(), cause(event, eventId, token, event.registeredAt()), known ->
                new CustomerFacts(known.tags(), LifecycleStage.LEAD, known.attributes(), event.registeredAt()));
    }

    @EventHandler
    public void on(CustomerProfileUpdated event, @MessageIdentifier String eventId, TrackingToken token) {
        customerChanged(event.customerId(), cause(event, eventId, token, event.updatedAt()),
                known -> new CustomerFacts(known.tags(), known.stage(), event.attributes(), known.registeredAt()));
    }

    @EventHandler
    public void on(CustomerTagAdded event, @MessageIdentifier String eventId, TrackingToken token) {
        customerChanged(event.customerId(), cause(event, eventId, token, event.addedAt()), known -> {
            Set<String> tags = new HashSet<>(known.tags());
            tags.add(event.tag());
            return new CustomerFacts(tags, known.stage(), known.attributes(), known.registeredAt());
        });
    }

    @EventHandler
    public void on(CustomerTagRemoved event, @MessageIdentifier String eventId, TrackingToken token) {
        customerChanged(event.customerId(), cause(event, eventId, token, event.removedAt()), known -> {
            Set<String> tags = new HashSet<>(known.tags());
            tags.remove(event.tag());
            return new CustomerFacts(tags, known.stage(), known.attributes(), known.registeredAt());
        });
    }

    @EventHandler
    public void on(CustomerStageChanged event, @MessageIdentifier String eventId, TrackingToken token) {
        customerChanged(event.customerId(), cause(event, eventId, token, event.changedAt()),
                known -> new CustomerFacts(known.tags(), event.to(), known.attributes(), known.registeredAt()));
    }

    @EventHandler
    public void on(SegmentSaved event, @MessageIdentifier String eventId, TrackingToken token) {
        Cause cause = cause(event, eventId, token, event.savedAt());
        Document segment = new Document("name", event.name())
                .append("rule", SegmentMembership.toDocument(event.rule()))
                .append("savedAt", date(event.savedAt()))
                .append(DELETED, false);
        ruleChanged(new KnownSegment(event.segmentId(), event.rule(), cause.position()), cause,
                DocumentWrites.create(event.segmentId(), cause.position(), segment));
    }

    @EventHandler
    public void on(SegmentRuleChanged event, @MessageIdentifier String eventId, TrackingToken token) {
        Cause cause = cause(event, eventId, token, event.changedAt());
        ruleChanged(new KnownSegment(event.segmentId(), event.rule(), cause.position()), cause,
                DocumentWrites.change(event.segmentId(), cause.position(),
                        Updates.set("rule", SegmentMembership.toDocument(event.rule()))));
    }

    @EventHandler
    public void on(SegmentRenamed event, TrackingToken token) {
        writer.write(SEGMENTS, DocumentWrites.change(event.segmentId(), positionOf(token),
                Updates.set("name", event.name())));
    }

    /** The segment is kept as a tombstone, so that a redelivered earlier event cannot bring it back. */
    @EventHandler
    public void on(SegmentDeleted event, TrackingToken token) {
        long position = positionOf(token);
        Map<String, KnownSegment> known = BatchState.current().segments(this::storedSegments);
        KnownSegment before = known.get(event.segmentId());
        if (before == null || before.position() < position) {
            known.put(event.segmentId(), new KnownSegment(event.segmentId(), null, position));
            writer.write(SEGMENTS, DocumentWrites.change(event.segmentId(), position, Updates.set(DELETED, true)));
        }
        writer.write(MEMBERS, new DeleteManyModel<>(Filters.eq("segmentId", event.segmentId())));
    }

    @ResetHandler
    public void reset() {
        writer.clear(SEGMENTS);
        writer.clear(FACTS);
        writer.clear(MEMBERS);
    }

    private void customerChanged(String customerId, Cause cause, UnaryOperator<CustomerFacts> change) {
        BatchState state = BatchState.current();
        KnownCustomer known = state.customer(customerId, this::storedCustomer);
        KnownCustomer now = known;
        if (known == null || known.position() < cause.position()) {
            CustomerFacts changed = change.apply(known == null ? NOTHING_KNOWN : known.facts());
            now = new KnownCustomer(customerId, changed, cause.position());
            writer.write(FACTS, known == null
                    ? DocumentWrites.create(customerId, cause.position(), toDocument(changed))
                    : DocumentWrites.change(customerId, cause.position(), new Document("$set", toDocument(changed))));
            state.remember(now);
        }
        for (KnownSegment segment : state.segments(this::storedSegments).values()) {
            if (segment.live()) {
                measure(segment, now, cause);
            }
        }
    }

    private void ruleChanged(KnownSegment changed, Cause cause, WriteModel<Document> write) {
        BatchState state = BatchState.current();
        Map<String, KnownSegment> known = state.segments(this::storedSegments);
        KnownSegment before = known.get(changed.id());
        KnownSegment now = changed;
        if (before != null && before.position() >= cause.position()) {
            now = before;
        } else {
            known.put(changed.id(), changed);
            writer.write(SEGMENTS, write);
        }
        if (now.live()) {
            KnownSegment segment = now;
            state.forEachCustomer(this::storedCustomers, customer -> measure(segment, customer, cause));
        }
    }

    /** Puts the customer in (keeping an earlier entry as it is) or takes them out. */
    private void measure(KnownSegment segment, KnownCustomer customer, Cause cause) {
        Document key = new Document("_id", memberId(segment.id(), customer.id())).append("segmentId", segment.id());
        if (!segment.rule().matches(customer.facts())) {
            writer.write(MEMBERS, new DeleteOneModel<>(key));
            return;
        }
        Document member = new Document("segmentId", segment.id())
                .append("customerId", customer.id())
                .append("joinedAt", date(cause.at()))
                .append("joinedBy", cause.toDocument())
                .append(POSITION, cause.position());
        writer.write(MEMBERS, new UpdateOneModel<>(key, Updates.setOnInsert(member), new UpdateOptions().upsert(true)));
    }

    private KnownCustomer storedCustomer(String customerId) {
        Document stored = facts.find(Filters.eq("_id", customerId)).first();
        return stored == null ? null : toCustomer(stored);
    }

    /** A rule change concerns every customer: this is a scan of the whole collection, by nature. */
    private void storedCustomers(Consumer<KnownCustomer> visitor) {
        facts.find().sort(new Document("_id", 1)).forEach(document -> visitor.accept(toCustomer(document)));
    }

    private Map<String, KnownSegment> storedSegments() {
        Map<String, KnownSegment> stored = new LinkedHashMap<>();
        segments.find().forEach(document -> stored.put(document.getString("_id"), new KnownSegment(
                document.getString("_id"),
                document.getBoolean(DELETED, false) ? null
                        : SegmentMembership.toRule(document.get("rule", Document.class)),
                document.getLong(POSITION))));
        return stored;
    }

    private static Document toDocument(CustomerFacts customer) {
        return new Document("tags", customer.tags().stream().sorted().toList())
                .append("stage", customer.stage() == null ? null : customer.stage().name())
                .append("attributes", new Document(new TreeMap<>(customer.attributes())))
                .append("registeredAt", date(customer.registeredAt()));
    }

    private static KnownCustomer toCustomer(Document document) {
        String stage = document.getString("stage");
        Map<String, String> attributes = new LinkedHashMap<>();
        document.get("attributes", Document.class).forEach((key, value) -> attributes.put(key, (String) value));
        CustomerFacts customer = new CustomerFacts(
                Set.copyOf(document.getList("tags", String.class)),
                stage == null ? null : LifecycleStage.valueOf(stage),
                attributes,
                SegmentMembership.instant(document.getDate("registeredAt")));
        return new KnownCustomer(document.getString("_id"), customer, document.getLong(POSITION));
    }

    private static Cause cause(Object event, String eventId, TrackingToken token, Instant at) {
        return new Cause(EventCatalog.typeOf(event.getClass()), eventId, positionOf(token), at);
    }

    /** The event a membership is owed to. */
    private record Cause(String type, String eventId, long position, Instant at) {

        Document toDocument() {
            return new Document("type", type).append("eventId", eventId)
                    .append("position", position).append("at", date(at));
        }
    }
}
