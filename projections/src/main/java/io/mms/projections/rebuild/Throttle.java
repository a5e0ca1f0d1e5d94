package io.mms.projections.rebuild;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.concurrent.TimeUnit;

/** Holds a processor's segments together to at most the given number of events per second. */
final class Throttle implements MessageHandlerInterceptor<EventMessage<?>> {

    private final long nanosPerEvent;
    private long nextSlot = System.nanoTime();

    Throttle(int eventsPerSecond) {
        this.nanosPerEvent = TimeUnit.SECONDS.toNanos(1) / eventsPerSecond;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        TimeUnit.NANOSECONDS.sleep(waitForSlot());
        return interceptorChain.proceed();
    }

    private synchronized long waitForSlot() {
        long now = System.nanoTime();
        long slot = nextSlot - now > 0 ? nextSlot : now;
        nextSlot = slot + nanosPerEvent;
        return slot - now;
    }
}
