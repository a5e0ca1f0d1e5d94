package io.mms.projections.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Flushes a projection's pending writes after the last event of a batch, inside the
 * processing of that batch. A failed flush fails the batch, so its token is not stored and
 * the batch is processed again.
 */
public class BatchFlushInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    private final ProjectionWriter writer;

    public BatchFlushInterceptor(ProjectionWriter writer) {
        this.writer = writer;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        Object result = interceptorChain.proceed();
        if (unitOfWork instanceof BatchingUnitOfWork<?> batch && batch.isLastMessage()) {
            writer.flush(unitOfWork);
        }
        return result;
    }
}
