package io.mms.projections.timetravel;

import io.mms.events.segment.SegmentSaved;
import org.axonframework.eventhandling.EventMessage;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/** Tells the events of one segment from those of the others, reading only segment events' payloads. */
final class SegmentEvents {

    private static final Package SEGMENT_EVENTS = SegmentSaved.class.getPackage();

    private static final ClassValue<Optional<Method>> SEGMENT_ID = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            if (type.getPackage() != SEGMENT_EVENTS) {
                return Optional.empty();
            }
            try {
                return Optional.of(type.getMethod("segmentId"));
            } catch (NoSuchMethodException absent) {
                return Optional.empty();
            }
        }
    };

    private SegmentEvents() {
    }

    /** Whether the event is about a segment, and not about the given one. */
    static boolean ofAnotherSegment(EventMessage<?> event, String segmentId) {
        return SEGMENT_ID.get(event.getPayloadType())
                .map(accessor -> !segmentId.equals(read(accessor, event.getPayload())))
                .orElse(false);
    }

    private static Object read(Method accessor, Object payload) {
        try {
            return accessor.invoke(payload);
        } catch (IllegalAccessException | InvocationTargetException unreadable) {
            throw new IllegalStateException("cannot read the segment of " + payload.getClass(), unreadable);
        }
    }
}
