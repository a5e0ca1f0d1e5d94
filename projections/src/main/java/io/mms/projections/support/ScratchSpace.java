package io.mms.projections.support;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throwaway database in which fresh instances of the live projections replay a slice of
 * history, so that the live readers can answer from it. Closing it drops the database.
 *
 * <p>Events reach the handlers exactly as a pooled processor delivers them: through Axon's
 * annotation adapter (so {@code TrackingToken} and {@code @MessageIdentifier} parameters are
 * resolved as in live processing), in batches of {@value #BATCH_SIZE}, each one
 * {@link BatchingUnitOfWork} whose writes {@link BatchFlushInterceptor} sends as one
 * {@code bulkWrite} per collection after its last event.
 */
public final class ScratchSpace implements AutoCloseable {

    /** As many events as the processors take in one batch by default. */
    static final int BATCH_SIZE = 100;

    private final MongoDatabase database;
    private final ProjectionWriter writer;

    ScratchSpace(MongoDatabase database) {
        this.database = database;
        this.writer = new ProjectionWriter(database);
    }

    /** The scratch database, to build readers over. */
    public MongoDatabase database() {
        return database;
    }

    /** The writer that projections replaying into this space must use. */
    public ProjectionWriter writer() {
        return writer;
    }

    /**
     * Hands every event to the handlers that handle its type, in order, and returns how many
     * events were handled. A handler's failure fails the replay.
     */
    public long replay(Stream<? extends TrackedEventMessage<?>> events, List<?> handlers) {
        List<AnnotationEventHandlerAdapter> adapters =
                handlers.stream().map(AnnotationEventHandlerAdapter::new).toList();
        BatchFlushInterceptor flush = new BatchFlushInterceptor(writer);
        Iterator<? extends TrackedEventMessage<?>> remaining = events
                .filter(event -> adapters.stream().anyMatch(adapter -> adapter.canHandle(event)))
                .iterator();
        long handled = 0;
        List<EventMessage<?>> batch = new ArrayList<>(BATCH_SIZE);
        while (remaining.hasNext()) {
            batch.add(remaining.next());
            if (batch.size() == BATCH_SIZE || !remaining.hasNext()) {
                process(batch, adapters, flush);
                handled += batch.size();
                batch = new ArrayList<>(BATCH_SIZE);
            }
        }
        return handled;
    }

    /** Drops the scratch database with everything replayed into it. */
    @Override
    public void close() {
        database.drop();
    }

    private static void process(List<EventMessage<?>> batch, List<AnnotationEventHandlerAdapter> adapters,
                                BatchFlushInterceptor flush) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(
                unitOfWork, List.of(flush), message -> handle(adapters, message)).proceed());
        if (result.isExceptional()) {
            throw new IllegalStateException("replaying history failed", result.exceptionResult());
        }
    }

    private static Object handle(List<AnnotationEventHandlerAdapter> adapters, EventMessage<?> message)
            throws Exception {
        for (AnnotationEventHandlerAdapter adapter : adapters) {
            if (adapter.canHandle(message)) {
                adapter.handle(message);
            }
        }
        return null;
    }
}
