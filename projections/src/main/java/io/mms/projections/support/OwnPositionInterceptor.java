package io.mms.projections.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Looks up the own positions of a batch's events once, before its first event is handled, so
 * that {@link DocumentWrites#positionOf} gives every handler of the batch its event's own
 * position rather than the token's (see {@link EventPositions}).
 */
public class OwnPositionInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String POSITIONS = OwnPositionInterceptor.class.getName() + ".positions";

    private final EventPositions positions;

    public OwnPositionInterceptor(EventPositions positions) {
        this.positions = positions;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        unitOfWork.getOrComputeResource(POSITIONS, key -> positions.of(tracked(unitOfWork)));
        return interceptorChain.proceed();
    }

    /** The own position of the event being handled, if its batch's positions were looked up. */
    static OptionalLong current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return OptionalLong.empty();
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Map<String, Long> known = unitOfWork.getResource(POSITIONS);
        Long position = known == null ? null : known.get(unitOfWork.getMessage().getIdentifier());
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    private static List<TrackedEventMessage<?>> tracked(UnitOfWork<? extends EventMessage<?>> unitOfWork) {
        List<? extends EventMessage<?>> messages = unitOfWork instanceof BatchingUnitOfWork<?> batch
                ? ((BatchingUnitOfWork<? extends EventMessage<?>>) batch).getMessages()
                : List.of(unitOfWork.getMessage());
        return messages.stream()
                .filter(TrackedEventMessage.class::isInstance)
                .<TrackedEventMessage<?>>map(message -> (TrackedEventMessage<?>) message)
                .toList();
    }
}
