package io.mms.projections.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers scripted events to a projection the way its pooled processor does: in batches, each
 * one {@link BatchingUnitOfWork} whose writes are flushed after its last event. The event at
 * index i has position i + 1 and identifier {@code event-<i + 1>}, as in ScriptedHistory.
 */
public final class ProcessorBatches {

    private static final Instant STORED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private ProcessorBatches() {
    }

    /** Delivers the events in batches of the given size. */
    public static void deliver(Object projection, ProjectionWriter writer, List<?> events, int batchSize) {
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projection);
        BatchFlushInterceptor interceptor = new BatchFlushInterceptor(writer);
        for (int start = 0; start < events.size(); start += batchSize) {
            List<EventMessage<?>> batch = new ArrayList<>();
            for (int i = start; i < Math.min(start + batchSize, events.size()); i++) {
                batch.add(tracked(events.get(i), i + 1));
            }
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(
                    unitOfWork, List.of(interceptor), handler::handle).proceed());
            if (result.isExceptional()) {
                throw new IllegalStateException("batch from " + (start + 1) + " failed", result.exceptionResult());
            }
        }
    }

    private static EventMessage<?> tracked(Object payload, long position) {
        var message = new GenericMessage<>("event-" + position, payload, MetaData.emptyInstance());
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                new GenericEventMessage<>(message, () -> STORED_AT));
    }
}
