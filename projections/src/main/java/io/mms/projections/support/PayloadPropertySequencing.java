package io.mms.projections.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Puts the events that carry the same value of a property (such as {@code customerId}) in one
 * sequence, so that they are handled in order by one segment; events without the property
 * are sequenced per aggregate. Needed where an event that changes a document is not
 * published by the aggregate the document is keyed by.
 */
class PayloadPropertySequencing implements SequencingPolicy<EventMessage<?>> {

    private final String property;
    private final ClassValue<Optional<Method>> accessors = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            try {
                return Optional.of(type.getMethod(property));
            } catch (NoSuchMethodException absent) {
                return Optional.empty();
            }
        }
    };

    PayloadPropertySequencing(String property) {
        this.property = property;
    }

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        return accessors.get(payload.getClass())
                .map(accessor -> read(accessor, payload))
                .orElseGet(() -> SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event));
    }

    private static Object read(Method accessor, Object payload) {
        try {
            return accessor.invoke(payload);
        } catch (IllegalAccessException | InvocationTargetException unreadable) {
            throw new IllegalStateException("cannot read the sequencing property of " + payload.getClass(), unreadable);
        }
    }
}
