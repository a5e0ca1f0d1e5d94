package io.mms.projections.performance;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.mms.events.Money;
import io.mms.events.campaign.CampaignCreated;
import io.mms.events.campaign.CampaignSpendRecorded;
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
import org.bson.types.Decimal128;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

import static io.mms.projections.performance.CampaignPerformances.CAMPAIGN;

/**
 * Records one small fact per event about a campaign, keyed by the event's identifier, and
 * leaves the counting to the reader.
 *
 * <p>Counters fed by many customers' streams cannot use a per-document position guard: a
 * send by one customer may be handled after an open by another with a higher position. A
 * fact keyed by its event is inserted once however often the event is delivered, and a
 * replay inserts the same facts again, so sums taken over them are right on redelivery and
 * replay alike, whatever the order in which the events arrive.
 */
@Component
@ProcessingGroup(CampaignPerformances.PROCESSOR)
public class CampaignPerformanceProjection {

    private final ProjectionWriter writer;

    public CampaignPerformanceProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    public void on(CampaignCreated event, @MessageIdentifier String eventId, TrackingToken token) {
        record(eventId, event.campaignId(), token, FactKind.CREATED, event.createdAt(),
                new Document("currency", event.budget().currency()));
    }

    @EventHandler
    public void on(CampaignSpendRecorded event, @MessageIdentifier String eventId, TrackingToken token) {
        record(eventId, event.campaignId(), token, FactKind.SPEND, event.recordedAt(),
                new Document("totalSpent", money(event.totalSpent())));
    }

    @EventHandler
    public void on(CampaignMessageSent event, @MessageIdentifier String eventId, TrackingToken token) {
        record(eventId, event.campaignId(), token, FactKind.SENT, event.sentAt(),
                new Document("messageId", event.messageId()));
    }

    @EventHandler
    public void on(MessageEngaged event, @MessageIdentifier String eventId, TrackingToken token) {
        Document fields = new Document("messageId", event.messageId());
        if (event.revenue() != null) {
            fields.append("revenue", money(event.revenue()));
        }
        record(eventId, event.campaignId(), token, FactKind.valueOf(event.kind().name()), event.occurredAt(), fields);
    }

    @ResetHandler
    public void reset() {
        writer.clear(CampaignPerformances.COLLECTION);
    }

    /** Inserts the fact unless it exists; the filter names the shard key, as every write must. */
    private void record(String eventId, String campaignId, TrackingToken token, FactKind kind, Instant at,
                        Document fields) {
        Document fact = new Document(CAMPAIGN, campaignId)
                .append("kind", kind.name())
                .append("day", at.atOffset(ZoneOffset.UTC).toLocalDate().toString())
                .append(DocumentWrites.POSITION, DocumentWrites.positionOf(token));
        fact.putAll(fields);
        writer.write(CampaignPerformances.COLLECTION, new UpdateOneModel<>(
                Filters.and(Filters.eq(CAMPAIGN, campaignId), Filters.eq("_id", eventId)),
                Updates.setOnInsert(fact),
                new UpdateOptions().upsert(true)));
    }

    static Document money(Money money) {
        return new Document("amount", new Decimal128(money.amount())).append("currency", money.currency());
    }

    /** What a fact records: a step of the funnel, the campaign's creation or its spend so far. */
    enum FactKind {
        CREATED, SPEND, SENT, DELIVERED, BOUNCED, OPENED, CLICKED, CONVERTED, UNSUBSCRIBED
    }
}
