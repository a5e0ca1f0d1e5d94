package io.mms.projections.campaign;

import com.mongodb.client.model.Updates;
import io.mms.events.campaign.CampaignCreated;
import io.mms.events.campaign.CampaignLaunched;
import io.mms.projections.support.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Date;

import static io.mms.projections.support.DocumentWrites.change;
import static io.mms.projections.support.DocumentWrites.create;
import static io.mms.projections.support.DocumentWrites.positionOf;

/** Keeps one summary document per campaign. */
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
    public void on(CampaignLaunched event, TrackingToken token) {
        var launched = Updates.combine(
                Updates.set("status", "ACTIVE"),
                Updates.set("launchedAt", Date.from(event.launchedAt())));
        writer.write(CampaignSummaries.COLLECTION, change(event.campaignId(), positionOf(token), launched));
    }

    @ResetHandler
    public void reset() {
        writer.clear(CampaignSummaries.COLLECTION);
    }
}
