package io.mms.projections;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.mms.projections.campaign.CampaignSummaries;
import io.mms.projections.customer.CustomerProfiles;
import io.mms.projections.dashboard.MarketingDashboard;
import io.mms.projections.performance.CampaignPerformances;
import io.mms.projections.segment.SegmentMembership;
import io.mms.projections.support.ProjectionSettings;
import io.mms.projections.support.ReadModel;
import io.mms.projections.support.ReadModelSchema;
import io.mms.projections.support.ReadModelVersions;
import io.mms.projections.support.VersionedCollections;
import io.mms.projections.timeline.CustomerTimeline;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

/**
 * The MongoDB database that holds the read models, and the readers over it. Used both by the
 * projections that write it and by the query side that reads it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionSettings.class)
public class ReadModelStoreConfiguration {

    /** Every read model MMS keeps; adding one here gives it a processor, a token and its collections. */
    public static final List<ReadModel> READ_MODELS = List.of(
            CustomerProfiles.READ_MODEL, CampaignSummaries.READ_MODEL, CustomerTimeline.READ_MODEL,
            CampaignPerformances.READ_MODEL, MarketingDashboard.READ_MODEL, SegmentMembership.READ_MODEL);

    @Bean
    List<ReadModel> readModels() {
        return READ_MODELS;
    }

    @Bean
    ReadModelVersions readModelVersions(MongoClient client, ProjectionSettings settings, List<ReadModel> readModels) {
        return new ReadModelVersions(client.getDatabase(settings.database()), readModels, Clock.systemUTC());
    }

    /** The read-model database with every read model's collections in its live version (see ReadModelVersions). */
    @Bean
    MongoDatabase readModelDatabase(MongoClient client, ProjectionSettings settings, List<ReadModel> readModels,
                                    ReadModelVersions readModelVersions) {
        MongoDatabase database = VersionedCollections.live(client.getDatabase(settings.database()), readModelVersions);
        new ReadModelSchema(client, database).prepare(readModels);
        return database;
    }

    @Bean
    CustomerProfiles customerProfiles(MongoDatabase readModelDatabase) {
        return new CustomerProfiles(readModelDatabase);
    }

    @Bean
    CustomerTimeline customerTimeline(MongoDatabase readModelDatabase) {
        return new CustomerTimeline(readModelDatabase);
    }

    @Bean
    CampaignSummaries campaignSummaries(MongoDatabase readModelDatabase) {
        return new CampaignSummaries(readModelDatabase);
    }

    @Bean
    CampaignPerformances campaignPerformances(MongoDatabase readModelDatabase) {
        return new CampaignPerformances(readModelDatabase);
    }

    @Bean
    MarketingDashboard marketingDashboard(MongoDatabase readModelDatabase) {
        return new MarketingDashboard(readModelDatabase);
    }

    @Bean
    SegmentMembership segmentMembership(MongoDatabase readModelDatabase) {
        return new SegmentMembership(readModelDatabase);
    }
}
