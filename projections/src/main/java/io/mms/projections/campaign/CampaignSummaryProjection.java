package io.mms.projections.campaign;

import com.mongodb.client.model.Updates;
import io.mms.events.campaign.CampaignAudienceDefined;
import io.mms.events.campaign.CampaignCancelled;
import io.mms.events.campaign.CampaignCompleted;
import io.mms.events.campaign.CampaignCreated;
import io.mms.events.campaign.CampaignDetailsChanged;
import io.mms.events.campaign.CampaignLaunched;
import io.mms.events.campaign.CampaignPaused;
import io.mms.events.campaign.CampaignResumed;
import io.mms.events.campaign.CampaignScheduled;
import io.mms.events.campaign.CampaignSpendRecorded;
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
import java.util.Date;

import static io.mms.projections.support.DocumentWrites.create;
import static io.mms.projections.support.DocumentWrites.positionOf;

/**
 * Keeps one summary document per campaign: its details, where it stands in its lifecycle, its
 * schedule, what it has spent and its audience rule.
 */
@Component
@ProcessingGroup(CampaignSummaries.PROCESSOR)
public class CampaignSummaryProjection {

    private final ProjectionWriter writer;

    public CampaignSummaryProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    public void on(CampaignCreated event, TrackingToken token) {
        Document summary = new Document("name", event.name())
                .append("channel", event.channel().name())
                .append("budget", CampaignSummaries.toDocument(event.budget()))
                .append("description", event.description())
                .append("status", "DRAFT")
                .append("createdAt", Date.from(event.createdAt()));
        writer.write(CampaignSummaries.COLLECTION, create(event.campaignId(), positionOf(token), summary));
    }

    @EventHandler
    public void on(CampaignDetailsChanged event, TrackingToken token) {
        change(event.campaignId(), token, Updates.combine(
                Updates.set("name", event.name()),
                Updates.set("description", event.description()),
                Updates.set("budget", CampaignSummaries.toDocument(event.budget()))));
    }

    /** The event carries the whole rule, which replaces the previous one. */
    @EventHandler
    public void on(CampaignAudienceDefined event, TrackingToken token) {
        change(event.campaignId(), token,
                Updates.set("audience", CampaignSummaries.toDocument(CampaignAudience.of(event.audience()))));
    }

    @EventHandler
    public void on(CampaignScheduled event, TrackingToken token) {
        change(event.campaignId(), token, Updates.combine(
                Updates.set("status", "SCHEDULED"),
                Updates.set("startAt", Date.from(event.startAt())),
                Updates.set("endAt", date(event.endAt()))));
    }

    @EventHandler
    public void on(CampaignLaunched event, TrackingToken token) {
        change(event.campaignId(), token, Updates.combine(
                Updates.set("status", "ACTIVE"),
                Updates.set("launchedAt", Date.from(event.launchedAt()))));
    }

    @EventHandler
    public void on(CampaignPaused event, TrackingToken token) {
        change(event.campaignId(), token, Updates.combine(
                Updates.set("status", "PAUSED"),
                Updates.set("pauseReason", event.reason().name())));
    }

    @EventHandler
    public void on(CampaignResumed event, TrackingToken token) {
        change(event.campaignId(), token, Updates.combine(
                Updates.set("status", "ACTIVE"),
                Updates.unset("pauseReason")));
    }

    @EventHandler
    public void on(CampaignCompleted event, TrackingToken token) {
        change(event.campaignId(), token, Updates.combine(
                Updates.set("status", "COMPLETED"),
                Updates.unset("pauseReason")));
    }

    @EventHandler
    public void on(CampaignCancelled event, TrackingToken token) {
        change(event.campaignId(), token, Updates.combine(
                Updates.set("status", "CANCELLED"),
                Updates.unset("pauseReason")));
    }

    /** The event carries the running total, so the write is a plain set and safe to repeat. */
    @EventHandler
    public void on(CampaignSpendRecorded event, TrackingToken token) {
        change(event.campaignId(), token, Updates.set("spent", CampaignSummaries.toDocument(event.totalSpent())));
    }

    @ResetHandler
    public void reset() {
        writer.clear(CampaignSummaries.COLLECTION);
    }

    private void change(String campaignId, TrackingToken token, Bson update) {
        writer.write(CampaignSummaries.COLLECTION,
                DocumentWrites.change(campaignId, positionOf(token), update));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
