package io.mms.projections.support;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;

import java.util.List;

/**
 * Gives every read model its own pooled streaming processor, with its token and its dead
 * letters kept in the read-model database: a lost read-model database starts from the
 * beginning instead of looking caught up.
 *
 * <p>Errors are never logged and skipped. An event that a handler fails on is parked in the
 * dead-letter queue (with the later events of the same document behind it); a failure of
 * the database itself fails the batch, which is then retried.
 */
public class ReadModelProcessors implements ConfigurerModule {

    private final List<ReadModel> readModels;
    private final MongoTemplate mongoTemplate;
    private final ProjectionWriter writer;
    private final EventPositions positions;
    private final ProjectionSettings settings;

    public ReadModelProcessors(List<ReadModel> readModels, MongoTemplate mongoTemplate,
                               ProjectionWriter writer, EventPositions positions, ProjectionSettings settings) {
        this.readModels = readModels;
        this.mongoTemplate = mongoTemplate;
        this.writer = writer;
        this.positions = positions;
        this.settings = settings;
    }

    @Override
    public void configureModule(org.axonframework.config.Configurer configurer) {
        EventProcessingConfigurer processing = configurer.eventProcessing();
        readModels.forEach(readModel -> configure(processing, readModel.processor()));
        readModels.stream().filter(readModel -> readModel.sequencedBy() != null).forEach(readModel ->
                processing.registerSequencingPolicy(readModel.processor(),
                        config -> sequencing(readModel.sequencedBy())));
    }

    /** The order in which the read model's processor handles events; per aggregate (Axon's default) if unnamed. */
    public static SequencingPolicy<? super EventMessage<?>> sequencingOf(ReadModel readModel) {
        return readModel.sequencedBy() == null
                ? SequentialPerAggregatePolicy.instance()
                : sequencing(readModel.sequencedBy());
    }

    static SequencingPolicy<? super EventMessage<?>> sequencing(String sequencedBy) {
        if (ReadModel.ONE_SEQUENCE.equals(sequencedBy)) {
            return new SequentialPolicy();
        }
        return new PayloadPropertySequencing(sequencedBy);
    }

    private void configure(EventProcessingConfigurer processing, String name) {
        processing
                .registerPooledStreamingEventProcessor(
                        name,
                        org.axonframework.config.Configuration::eventStore,
                        (config, builder) -> builder
                                .initialToken(source -> source.createTailToken())
                                .batchSize(settings.batchSize())
                                .initialSegmentCount(settings.segments())
                                .claimExtensionThreshold(settings.idleTokenInterval().toMillis())
                                .transactionManager(NoTransactionManager.instance()))
                .registerTokenStore(name, config -> tokenStore(config.serializer()))
                .registerDeadLetterQueue(name,
                        config -> DeadLetters.queue(name, mongoTemplate, config.eventSerializer()))
                .registerDeadLetterPolicy(name, config -> DeadLetters.countingFailures())
                // Remembers which documents have no parked event, instead of asking the queue for every event.
                .registerDeadLetteringEventHandlerInvokerConfiguration(name,
                        (config, builder) -> builder.enableSequenceIdentifierCache())
                .registerHandlerInterceptor(name, config -> new OwnPositionInterceptor(positions))
                .registerHandlerInterceptor(name, config -> new BatchFlushInterceptor(writer))
                .registerListenerInvocationErrorHandler(name, config -> PropagatingErrorHandler.instance())
                .registerErrorHandler(name, config -> PropagatingErrorHandler.instance());
    }

    private TokenStore tokenStore(org.axonframework.serialization.Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(mongoTemplate)
                .serializer(serializer)
                .transactionManager(NoTransactionManager.instance())
                .build();
    }
}
