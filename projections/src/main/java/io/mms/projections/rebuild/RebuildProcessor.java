package io.mms.projections.rebuild;

import com.mongodb.client.MongoDatabase;
import io.mms.projections.support.BatchFlushInterceptor;
import io.mms.projections.support.EventPositions;
import io.mms.projections.support.OwnPositionInterceptor;
import io.mms.projections.support.DeadLetters;
import io.mms.projections.support.ProjectionSettings;
import io.mms.projections.support.ProjectionWriter;
import io.mms.projections.support.ReadModel;
import io.mms.projections.support.ReadModelProcessors;
import io.mms.projections.support.VersionedCollections;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The processor that builds a new version of a read model: new instances of the read model's
 * own handlers, writing to the version's collections, fed from the first event by a pooled
 * streaming processor of its own. It is configured as {@code ReadModelProcessors} configures
 * the live one (batch size, segments, sequencing, dead-letter queue, batched writes), and keeps
 * its token and dead letters in the read-model database under its own name, so that a
 * restarted application resumes it where it stopped.
 */
final class RebuildProcessor {

    private final PooledStreamingEventProcessor processor;
    private final ScheduledExecutorService coordinator;
    private final ScheduledExecutorService workers;

    private RebuildProcessor(PooledStreamingEventProcessor processor, ScheduledExecutorService coordinator,
                             ScheduledExecutorService workers) {
        this.processor = processor;
        this.coordinator = coordinator;
        this.workers = workers;
    }

    /** Builds the given version of the read model's collections in the database, and starts doing so. */
    static RebuildProcessor start(ReadModel readModel, int version, Context context) {
        String name = Rebuilds.processorOf(readModel.processor());
        MongoDatabase versionView = VersionedCollections.version(context.database(), readModel, version);
        ProjectionWriter writer = new ProjectionWriter(versionView);
        List<Object> handlers = context.handlers().of(readModel, writer, versionView);
        ScheduledExecutorService coordinator = Executors.newScheduledThreadPool(1,
                new AxonThreadFactory("Coordinator[" + name + "]"));
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(context.projections().segments(),
                new AxonThreadFactory("WorkPackage[" + name + "]"));
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker(name, readModel, handlers, context))
                .messageSource(context.axon().eventStore())
                .tokenStore(tokenStore(context))
                .transactionManager(NoTransactionManager.instance())
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialToken(StreamableMessageSource::createTailToken)
                .batchSize(context.projections().batchSize())
                .initialSegmentCount(context.projections().segments())
                .claimExtensionThreshold(context.projections().idleTokenInterval().toMillis())
                .errorHandler(PropagatingErrorHandler.instance())
                .build();
        processor.registerHandlerInterceptor(new OwnPositionInterceptor(context.positions()));
        processor.registerHandlerInterceptor(new BatchFlushInterceptor(writer));
        if (context.rebuilds().maxEventsPerSecond() > 0) {
            processor.registerHandlerInterceptor(new Throttle(context.rebuilds().maxEventsPerSecond()));
        }
        processor.start();
        return new RebuildProcessor(processor, coordinator, workers);
    }

    /** Stops the processor; its token stays where it got to. */
    void stop() {
        try {
            processor.shutDown();
        } finally {
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
    }

    private static DeadLetteringEventHandlerInvoker invoker(String name, ReadModel readModel, List<Object> handlers,
                                                            Context context) {
        return DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(handlers)
                .handlerDefinition(context.axon().handlerDefinition(handlers.get(0).getClass()))
                .parameterResolverFactory(context.axon().parameterResolverFactory())
                .sequencingPolicy(ReadModelProcessors.sequencingOf(readModel))
                .queue(DeadLetters.queue(name, context.template(), context.axon().eventSerializer()))
                .enqueuePolicy(DeadLetters.countingFailures())
                .transactionManager(NoTransactionManager.instance())
                .build();
    }

    private static MongoTokenStore tokenStore(Context context) {
        return MongoTokenStore.builder()
                .mongoTemplate(context.template())
                .serializer(context.axon().serializer())
                .transactionManager(NoTransactionManager.instance())
                .build();
    }

    /**
     * What every rebuild processor is built from.
     *
     * @param axon        Axon's configuration: the event store, serializers and handler parameter resolution
     * @param database    the read-model database
     * @param template    the read-model database as Axon's Mongo extension uses it (tokens, dead letters)
     * @param handlers    the factory of the read models' handlers
     * @param projections how read models are processed
     * @param rebuilds    how rebuilds are carried out
     */
    record Context(Configuration axon, MongoDatabase database, MongoTemplate template, RebuildHandlers handlers,
                   EventPositions positions, ProjectionSettings projections, RebuildSettings rebuilds) {
    }
}
