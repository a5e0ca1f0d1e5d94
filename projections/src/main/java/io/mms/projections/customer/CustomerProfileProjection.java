package io.mms.projections.customer;

import com.mongodb.client.model.Updates;
import io.mms.events.campaign.Channel;
import io.mms.events.customer.ConsentGranted;
import io.mms.events.customer.ConsentWithdrawn;
import io.mms.events.customer.CustomerEmailChanged;
import io.mms.events.customer.CustomerProfileUpdated;
import io.mms.events.customer.CustomerRegistered;
import io.mms.events.customer.CustomerStageChanged;
import io.mms.events.customer.CustomerTagAdded;
import io.mms.events.customer.CustomerTagRemoved;
import io.mms.events.customer.LifecycleStage;
import io.mms.events.delivery.CampaignMessageSent;
import io.mms.events.delivery.EngagementKind;
import io.mms.events.delivery.MessageEngaged;
import io.mms.projections.support.DocumentWrites;
import io.mms.projections.support.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.mms.projections.customer.CustomerProfiles.ACTIVITY;
import static io.mms.projections.customer.CustomerProfiles.WEIGHT;
import static io.mms.projections.customer.CustomerProfiles.consentKey;

/**
 * Keeps one profile document per customer: profile, stage, tags, consent, engagement and last
 * activity. Every value comes from the events themselves, never from the clock, so a replay
 * writes the same documents.
 */
@Component
@ProcessingGroup(CustomerProfiles.PROCESSOR)
public class CustomerProfileProjection {

    /** What a customer does, as opposed to what is done to them; only these count as activity. */
    private static final Set<EngagementKind> ACTIVE_KINDS = Set.of(
            EngagementKind.OPENED, EngagementKind.CLICKED, EngagementKind.CONVERTED, EngagementKind.UNSUBSCRIBED);

    private final ProjectionWriter writer;

    public CustomerProfileProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    public void on(CustomerRegistered event, TrackingToken token) {
        Document profile = new Document("email", event.email())
                .append(CustomerProfiles.EMAIL_KEY, CustomerProfiles.normalize(event.email()))
                .append("name", event.name())
                .append(CustomerProfiles.NAME_KEY, CustomerProfiles.normalize(event.name()))
                .append("registeredAt", Date.from(event.registeredAt()))
                .append("attributes", List.of())
                .append("stage", LifecycleStage.LEAD.name())
                .append("tags", List.of())
                .append("consents", new Document())
                .append(CustomerProfiles.GRANTED, List.of())
                .append("engagement", noEngagement())
                .append(ACTIVITY, Date.from(event.registeredAt()));
        writer.write(CustomerProfiles.COLLECTION,
                DocumentWrites.create(event.customerId(), DocumentWrites.positionOf(token), profile));
    }

    @EventHandler
    public void on(CustomerEmailChanged event, TrackingToken token) {
        change(event.customerId(), token, Updates.combine(
                Updates.set("email", event.email()),
                Updates.set(CustomerProfiles.EMAIL_KEY, CustomerProfiles.normalize(event.email())),
                activityAt(event.changedAt())));
    }

    @EventHandler
    public void on(CustomerProfileUpdated event, TrackingToken token) {
        change(event.customerId(), token, Updates.combine(
                Updates.set("name", event.name()),
                Updates.set(CustomerProfiles.NAME_KEY, CustomerProfiles.normalize(event.name())),
                Updates.set("phone", event.phone()),
                Updates.set("locale", event.locale()),
                Updates.set("attributes", attributes(event.attributes())),
                activityAt(event.updatedAt())));
    }

    @EventHandler
    public void on(CustomerStageChanged event, TrackingToken token) {
        change(event.customerId(), token, Updates.set("stage", event.to().name()));
    }

    @EventHandler
    public void on(CustomerTagAdded event, TrackingToken token) {
        change(event.customerId(), token, Updates.addToSet("tags", event.tag()));
    }

    @EventHandler
    public void on(CustomerTagRemoved event, TrackingToken token) {
        change(event.customerId(), token, Updates.pull("tags", event.tag()));
    }

    @EventHandler
    public void on(ConsentGranted event, TrackingToken token) {
        change(event.customerId(), token, Updates.combine(
                consent(event.channel(), event.purpose(), true, event.source(), event.grantedAt()),
                Updates.addToSet(CustomerProfiles.GRANTED, consentKey(event.channel(), event.purpose())),
                activityAt(event.grantedAt())));
    }

    @EventHandler
    public void on(ConsentWithdrawn event, TrackingToken token) {
        change(event.customerId(), token, Updates.combine(
                consent(event.channel(), event.purpose(), false, event.source(), event.withdrawnAt()),
                Updates.pull(CustomerProfiles.GRANTED, consentKey(event.channel(), event.purpose())),
                activityAt(event.withdrawnAt())));
    }

    @EventHandler
    public void on(CampaignMessageSent event, TrackingToken token) {
        change(event.customerId(), token, Updates.inc("engagement.sent", 1L));
    }

    @EventHandler
    public void on(MessageEngaged event, TrackingToken token) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.inc("engagement." + counterOf(event.kind()), 1L)));
        double weight = EngagementScore.weightOf(event.kind(), event.occurredAt());
        if (weight > 0) {
            updates.add(Updates.inc(WEIGHT, weight));
            updates.add(Updates.max("engagement.lastEngagedAt", Date.from(event.occurredAt())));
        }
        if (ACTIVE_KINDS.contains(event.kind())) {
            updates.add(activityAt(event.occurredAt()));
        }
        change(event.customerId(), token, Updates.combine(updates));
    }

    @ResetHandler
    public void reset() {
        writer.clear(CustomerProfiles.COLLECTION);
    }

    private void change(String customerId, TrackingToken token, Bson update) {
        writer.write(CustomerProfiles.COLLECTION,
                DocumentWrites.change(customerId, DocumentWrites.positionOf(token), update));
    }

    /** Backdated facts (consent given on paper last week) never move the last activity back. */
    private static Bson activityAt(Instant at) {
        return Updates.max(ACTIVITY, Date.from(at));
    }

    private static Bson consent(Channel channel, String purpose, boolean granted, String source, Instant at) {
        Document decision = new Document("channel", channel.name())
                .append("purpose", purpose)
                .append("granted", granted)
                .append("source", source)
                .append("at", Date.from(at));
        return Updates.set("consents." + CustomerProfiles.consentField(channel, purpose), decision);
    }

    /** Attributes as {key, value} pairs sorted by key: keys are free text, unfit as field names. */
    private static List<Document> attributes(Map<String, String> attributes) {
        if (attributes == null) {
            return List.of();
        }
        return attributes.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> new Document("key", entry.getKey()).append("value", entry.getValue()))
                .toList();
    }

    private static Document noEngagement() {
        Document engagement = new Document();
        for (EngagementKind kind : EngagementKind.values()) {
            engagement.append(counterOf(kind), 0L);
        }
        return engagement.append("sent", 0L).append("weight", 0.0);
    }

    private static String counterOf(EngagementKind kind) {
        return switch (kind) {
            case DELIVERED -> "delivered";
            case BOUNCED -> "bounced";
            case OPENED -> "opens";
            case CLICKED -> "clicks";
            case CONVERTED -> "conversions";
            case UNSUBSCRIBED -> "unsubscribes";
        };
    }
}
