package io.mms.projections;

import com.mongodb.client.MongoDatabase;
import io.mms.projections.rebuild.Rebuilds;
import io.mms.projections.support.DeadLetterRetry;
import io.mms.projections.support.DeadLetters;
import io.mms.projections.support.ProcessorTokens;
import io.mms.projections.support.ReadModel;
import io.mms.projections.support.ReadModelStatuses;
import io.mms.projections.support.ReadModelVersions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.util.List;

/**
 * What can be known about the read models from their database alone: positions from their
 * tokens, parked events from their dead-letter queues. Works in a process that only serves
 * queries; retrying dead letters needs the processors in the same process. Rebuilds can be
 * asked for and followed from here as well; the projections side carries them out.
 */
@Configuration(proxyBeanMethods = false)
@Import(ReadModelStoreConfiguration.class)
public class ReadModelStatusConfiguration {

    @Bean
    ProcessorTokens processorTokens(MongoDatabase readModelDatabase, @Qualifier("serializer") Serializer serializer) {
        return new ProcessorTokens(template(readModelDatabase), serializer);
    }

    @Bean
    DeadLetters deadLetters(MongoDatabase readModelDatabase, @Qualifier("eventSerializer") Serializer serializer) {
        return new DeadLetters(template(readModelDatabase), serializer);
    }

    @Bean
    ReadModelStatuses readModelStatuses(List<ReadModel> readModels, ProcessorTokens processorTokens,
                                        DeadLetters deadLetters, EventStore eventStore,
                                        EventProcessingConfiguration processing) {
        return new ReadModelStatuses(readModels, processorTokens, deadLetters, eventStore, processing,
                Clock.systemUTC());
    }

    @Bean
    Rebuilds rebuilds(MongoDatabase readModelDatabase, ReadModelVersions readModelVersions,
                      ProcessorTokens processorTokens, DeadLetters deadLetters) {
        return new Rebuilds(readModelDatabase, readModelVersions, processorTokens, deadLetters, Clock.systemUTC());
    }

    @Bean
    DeadLetterRetry deadLetterRetry(EventProcessingConfiguration processing, DeadLetters deadLetters) {
        return new DeadLetterRetry(processing, deadLetters);
    }

    private static MongoTemplate template(MongoDatabase database) {
        return DefaultMongoTemplate.builder().mongoDatabase(database).build();
    }
}
