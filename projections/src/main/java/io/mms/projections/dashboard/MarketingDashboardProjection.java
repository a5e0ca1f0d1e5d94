package io.mms.projections.dashboard;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.mms.events.campaign.CampaignCreated;
import io.mms.events.customer.CustomerRegistered;
import io.mms.events.delivery.CampaignMessageSent;
import io.mms.events.delivery.EngagementKind;
import io.mms.events.delivery.MessageEngaged;
import io.mms.projections.support.DocumentWrites;
import io.mms.projections.support.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

import static io.mms.projections.dashboard.MarketingDashboard.CAMPAIGNS;
import static io.mms.projections.dashboard.MarketingDashboard.DAY;
import static io.mms.projections.dashboard.MarketingDashboard.FACTS;

/**
 * Records one fact per registration, send and conversion, keyed by the event's identifier and
 * filed under its UTC day, and each campaign's channel. Counting happens when the dashboard is
 * read, so redelivery and replay, which insert nothing new, cannot count anything twice.
 *
 * <p>A conversion names its campaign but not its channel; the channel is joined in when the
 * dashboard is read, so the order in which campaigns and conversions are projected does not
 * matter.
 */
@Component
@ProcessingGroup(MarketingDashboard.PROCESSOR)
public class MarketingDashboardProjection {

    private final ProjectionWriter writer;

    public MarketingDashboardProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    public void on(CampaignCreated event, TrackingToken token) {
        writer.write(CAMPAIGNS, DocumentWrites.create(event.campaignId(), DocumentWrites.positionOf(token),
                new Document("channel", event.channel().name())));
    }

    @EventHandler
    public void on(CustomerRegistered event, @MessageIdentifier String eventId, TrackingToken token) {
        record(eventId, token, "REGISTERED", event.registeredAt(), new Document());
    }

    @EventHandler
    public void on(CampaignMessageSent event, @MessageIdentifier String eventId, TrackingToken token) {
        record(eventId, token, "SENT", event.sentAt(), new Document("channel", event.channel().name()));
    }

    /** Only conversions reach the dashboard; the other reports are the campaigns' business. */
    @EventHandler
    public void on(MessageEngaged event, @MessageIdentifier String eventId, TrackingToken token) {
        if (event.kind() != EngagementKind.CONVERTED) {
            return;
        }
        Document revenue = new Document("amount", new Decimal128(event.revenue().amount()))
                .append("currency", event.revenue().currency());
        record(eventId, token, "CONVERTED", event.occurredAt(),
                new Document("campaignId", event.campaignId()).append("revenue", revenue));
    }

    @ResetHandler
    public void reset() {
        writer.clear(FACTS);
        writer.clear(CAMPAIGNS);
    }

    /** Inserts the fact unless it exists; the filter names the shard key, as every write must. */
    private void record(String eventId, TrackingToken token, String kind, Instant at, Document fields) {
        String day = at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        Document fact = new Document(DAY, day)
                .append("kind", kind)
                .append(DocumentWrites.POSITION, DocumentWrites.positionOf(token));
        fact.putAll(fields);
        writer.write(FACTS, new UpdateOneModel<>(
                Filters.and(Filters.eq(DAY, day), Filters.eq("_id", eventId)),
                Updates.setOnInsert(fact),
                new UpdateOptions().upsert(true)));
    }
}
