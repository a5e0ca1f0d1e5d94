package io.mms.projections.timeline;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.mms.events.customer.ConsentGranted;
import io.mms.events.customer.ConsentWithdrawn;
import io.mms.events.customer.CustomerEmailChanged;
import io.mms.events.customer.CustomerProfileUpdated;
import io.mms.events.customer.CustomerRegistered;
import io.mms.events.customer.CustomerStageChanged;
import io.mms.events.customer.CustomerTagAdded;
import io.mms.events.customer.CustomerTagRemoved;
import io.mms.events.delivery.CampaignMessageSent;
import io.mms.events.delivery.MessageEngaged;
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
import java.util.Date;

import static io.mms.projections.timeline.TimelineEntryKind.CONSENT_GRANTED;
import static io.mms.projections.timeline.TimelineEntryKind.CONSENT_WITHDRAWN;
import static io.mms.projections.timeline.TimelineEntryKind.CONVERTED;
import static io.mms.projections.timeline.TimelineEntryKind.EMAIL_CHANGED;
import static io.mms.projections.timeline.TimelineEntryKind.MESSAGE_BOUNCED;
import static io.mms.projections.timeline.TimelineEntryKind.MESSAGE_CLICKED;
import static io.mms.projections.timeline.TimelineEntryKind.MESSAGE_DELIVERED;
import static io.mms.projections.timeline.TimelineEntryKind.MESSAGE_OPENED;
import static io.mms.projections.timeline.TimelineEntryKind.MESSAGE_SENT;
import static io.mms.projections.timeline.TimelineEntryKind.PROFILE_UPDATED;
import static io.mms.projections.timeline.TimelineEntryKind.REGISTERED;
import static io.mms.projections.timeline.TimelineEntryKind.STAGE_CHANGED;
import static io.mms.projections.timeline.TimelineEntryKind.TAG_ADDED;
import static io.mms.projections.timeline.TimelineEntryKind.TAG_REMOVED;
import static io.mms.projections.timeline.TimelineEntryKind.UNSUBSCRIBED;

/**
 * Writes one timeline entry per fact about a customer, keyed by the event's identifier: an
 * entry is inserted once, so redelivery and replay change nothing. Summaries name what
 * happened but leave out personal data (no email address, name, phone or clicked link).
 */
@Component
@ProcessingGroup(CustomerTimeline.PROCESSOR)
public class CustomerTimelineProjection {

    private final ProjectionWriter writer;

    public CustomerTimelineProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    public void on(CustomerRegistered event, @MessageIdentifier String eventId, TrackingToken token) {
        record(new TimelineEntry(eventId, event.customerId(), DocumentWrites.positionOf(token), REGISTERED,
                event.registeredAt(), null, "Registered"));
    }

    @EventHandler
    public void on(CustomerEmailChanged event, @MessageIdentifier String eventId, TrackingToken token) {
        entry(eventId, event.customerId(), token, EMAIL_CHANGED, event.changedAt(), "Changed email address");
    }

    @EventHandler
    public void on(CustomerProfileUpdated event, @MessageIdentifier String eventId, TrackingToken token) {
        entry(eventId, event.customerId(), token, PROFILE_UPDATED, event.updatedAt(), "Profile updated");
    }

    @EventHandler
    public void on(CustomerStageChanged event, @MessageIdentifier String eventId, TrackingToken token) {
        entry(eventId, event.customerId(), token, STAGE_CHANGED, event.changedAt(),
                "Moved from " + event.from() + " to " + event.to());
    }

    @EventHandler
    public void on(CustomerTagAdded event, @MessageIdentifier String eventId, TrackingToken token) {
        entry(eventId, event.customerId(), token, TAG_ADDED, event.addedAt(), "Tagged '" + event.tag() + "'");
    }

    @EventHandler
    public void on(CustomerTagRemoved event, @MessageIdentifier String eventId, TrackingToken token) {
        entry(eventId, event.customerId(), token, TAG_REMOVED, event.removedAt(),
                "Tag '" + event.tag() + "' removed");
    }

    @EventHandler
    public void on(ConsentGranted event, @MessageIdentifier String eventId, TrackingToken token) {
        entry(eventId, event.customerId(), token, CONSENT_GRANTED, event.grantedAt(),
                "Consented to " + event.channel() + " for " + event.purpose() + " (" + event.source() + ")");
    }

    @EventHandler
    public void on(ConsentWithdrawn event, @MessageIdentifier String eventId, TrackingToken token) {
        entry(eventId, event.customerId(), token, CONSENT_WITHDRAWN, event.withdrawnAt(),
                "Withdrew consent to " + event.channel() + " for " + event.purpose() + " (" + event.source() + ")");
    }

    @EventHandler
    public void on(CampaignMessageSent event, @MessageIdentifier String eventId, TrackingToken token) {
        record(new TimelineEntry(eventId, event.customerId(), DocumentWrites.positionOf(token), MESSAGE_SENT,
                event.sentAt(), event.campaignId(), "Sent " + event.channel() + " message '" + event.subject() + "'"));
    }

    @EventHandler
    public void on(MessageEngaged event, @MessageIdentifier String eventId, TrackingToken token) {
        TimelineEntryKind kind = switch (event.kind()) {
            case DELIVERED -> MESSAGE_DELIVERED;
            case BOUNCED -> MESSAGE_BOUNCED;
            case OPENED -> MESSAGE_OPENED;
            case CLICKED -> MESSAGE_CLICKED;
            case CONVERTED -> CONVERTED;
            case UNSUBSCRIBED -> UNSUBSCRIBED;
        };
        record(new TimelineEntry(eventId, event.customerId(), DocumentWrites.positionOf(token), kind,
                event.occurredAt(), event.campaignId(), summaryOf(event)));
    }

    @ResetHandler
    public void reset() {
        writer.clear(CustomerTimeline.COLLECTION);
    }

    private static String summaryOf(MessageEngaged event) {
        return switch (event.kind()) {
            case DELIVERED -> "Message delivered";
            case BOUNCED -> "Message bounced";
            case OPENED -> "Opened the message";
            case CLICKED -> "Clicked a link in the message";
            case CONVERTED -> event.revenue() == null ? "Converted" : "Converted, earning "
                    + event.revenue().amount().toPlainString() + " " + event.revenue().currency();
            case UNSUBSCRIBED -> "Unsubscribed through the message";
        };
    }

    private void entry(String eventId, String customerId, TrackingToken token, TimelineEntryKind kind,
                       Instant occurredAt, String summary) {
        long position = DocumentWrites.positionOf(token);
        record(new TimelineEntry(eventId, customerId, position, kind, occurredAt, null, summary));
    }

    /** Inserts the entry unless it exists; the filter names the shard key, as every write must. */
    private void record(TimelineEntry entry) {
        var document = new Document(CustomerTimeline.CUSTOMER, entry.customerId())
                .append(DocumentWrites.POSITION, entry.position())
                .append("kind", entry.kind().name())
                .append("occurredAt", Date.from(entry.occurredAt()))
                .append("campaignId", entry.campaignId())
                .append("summary", entry.summary());
        writer.write(CustomerTimeline.COLLECTION, new UpdateOneModel<>(
                Filters.and(Filters.eq(CustomerTimeline.CUSTOMER, entry.customerId()), Filters.eq("_id", entry.id())),
                Updates.setOnInsert(document),
                new UpdateOptions().upsert(true)));
    }
}
