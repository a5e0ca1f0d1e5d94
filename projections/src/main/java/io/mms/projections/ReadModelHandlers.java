package io.mms.projections;

import com.mongodb.client.MongoDatabase;
import io.mms.projections.campaign.CampaignSummaries;
import io.mms.projections.campaign.CampaignSummaryProjection;
import io.mms.projections.customer.CustomerProfileProjection;
import io.mms.projections.customer.CustomerProfiles;
import io.mms.projections.dashboard.MarketingDashboard;
import io.mms.projections.dashboard.MarketingDashboardProjection;
import io.mms.projections.performance.CampaignPerformanceProjection;
import io.mms.projections.performance.CampaignPerformances;
import io.mms.projections.segment.SegmentMembership;
import io.mms.projections.segment.SegmentMembershipProjection;
import io.mms.projections.support.ProjectionWriter;
import io.mms.projections.support.ReadModel;
import io.mms.projections.timeline.CustomerTimeline;
import io.mms.projections.timeline.CustomerTimelineProjection;

import java.util.List;

/**
 * New instances of each read model's event handlers, of the classes that live processing
 * registers (the {@code @ProcessingGroup} components), for processing outside it, such as a
 * rebuild into a new version. A read model added to {@link ReadModelStoreConfiguration#READ_MODELS}
 * needs a line here; a test checks that every one has its handlers.
 */
public final class ReadModelHandlers {

    private ReadModelHandlers() {
    }

    /** The read model's handlers, writing through the writer and reading from the database. */
    public static List<Object> newInstances(ReadModel readModel, ProjectionWriter writer, MongoDatabase database) {
        return switch (readModel.processor()) {
            case CustomerProfiles.PROCESSOR -> List.of(new CustomerProfileProjection(writer));
            case CampaignSummaries.PROCESSOR -> List.of(new CampaignSummaryProjection(writer));
            case CustomerTimeline.PROCESSOR -> List.of(new CustomerTimelineProjection(writer));
            case CampaignPerformances.PROCESSOR -> List.of(new CampaignPerformanceProjection(writer));
            case MarketingDashboard.PROCESSOR -> List.of(new MarketingDashboardProjection(writer));
            case SegmentMembership.PROCESSOR -> List.of(new SegmentMembershipProjection(writer, database));
            default -> throw new IllegalArgumentException("no handlers known for read model " + readModel.processor());
        };
    }
}
