package io.mms.projections;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.mms.projections.rebuild.RebuildRunner;
import io.mms.projections.rebuild.RebuildSettings;
import io.mms.projections.rebuild.Rebuilds;
import io.mms.projections.support.ProcessorTokens;
import io.mms.projections.support.EventPositions;
import io.mms.projections.support.ProjectionSettings;
import io.mms.projections.support.ProjectionWriter;
import io.mms.projections.support.ReadModel;
import io.mms.projections.support.ReadModelProcessors;
import io.mms.projections.support.ReadModelVersions;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.util.List;

/**
 * The projections side: event processors that keep the read models current. Switched off
 * with {@code mms.sides.projections=false} in a deployment that runs other sides only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mms.sides.projections", havingValue = "true", matchIfMissing = true)
@Import({ReadModelStoreConfiguration.class, ReadModelStatusConfiguration.class})
@EnableConfigurationProperties(RebuildSettings.class)
@ComponentScan
public class ProjectionsConfiguration {

    @Bean
    ProjectionWriter projectionWriter(MongoDatabase readModelDatabase) {
        return new ProjectionWriter(readModelDatabase);
    }

    @Bean
    ReadModelProcessors readModelProcessors(List<ReadModel> readModels, MongoDatabase readModelDatabase,
                                            ProjectionWriter projectionWriter, EventPositions eventPositions,
                                            ProjectionSettings settings) {
        DefaultMongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(readModelDatabase).build();
        return new ReadModelProcessors(readModels, template, projectionWriter, eventPositions, settings);
    }

    @Bean
    RebuildRunner rebuildRunner(List<ReadModel> readModels, Rebuilds rebuilds, ProcessorTokens processorTokens,
                                ReadModelVersions readModelVersions, MongoClient client,
                                EventPositions eventPositions, ProjectionSettings settings,
                                RebuildSettings rebuildSettings) {
        return new RebuildRunner(readModels, rebuilds, processorTokens, readModelVersions, client,
                client.getDatabase(settings.database()), ReadModelHandlers::newInstances, eventPositions, settings,
                rebuildSettings);
    }
}
