package io.mms.projections;

import com.mongodb.client.MongoDatabase;
import io.mms.projections.support.ProjectionSettings;
import io.mms.projections.support.ProjectionWriter;
import io.mms.projections.support.ReadModel;
import io.mms.projections.support.ReadModelProcessors;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
@Import(ReadModelStoreConfiguration.class)
@ComponentScan
public class ProjectionsConfiguration {

    @Bean
    ProjectionWriter projectionWriter(MongoDatabase readModelDatabase) {
        return new ProjectionWriter(readModelDatabase);
    }

    @Bean
    ReadModelProcessors readModelProcessors(List<ReadModel> readModels, MongoDatabase readModelDatabase,
                                            ProjectionWriter projectionWriter, ProjectionSettings settings) {
        DefaultMongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(readModelDatabase).build();
        return new ReadModelProcessors(readModels, template, projectionWriter, settings);
    }
}
