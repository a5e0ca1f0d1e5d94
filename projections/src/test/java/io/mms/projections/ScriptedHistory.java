package io.mms.projections;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Events in the order the event store would hold them, delivered to a projection the way its
 * processor does: the event at index i has position i + 1 and identifier {@code event-<i + 1>}.
 */
public final class ScriptedHistory {

    private final List<Object> events = new ArrayList<>();

    public ScriptedHistory then(Object... more) {
        events.addAll(Arrays.asList(more));
        return this;
    }

    public int size() {
        return events.size();
    }

    /** Delivers every event, as a processor starting from the beginning does. */
    public void deliverTo(Object projection) {
        deliverTo(projection, 0);
    }

    /** Delivers the events from the given index on, as after a restart from a stored token. */
    public void deliverTo(Object projection, int fromIndex) {
        for (int i = fromIndex; i < events.size(); i++) {
            deliver(projection, events.get(i), i + 1);
        }
    }

    private static void deliver(Object projection, Object event, long position) {
        Method handler = Arrays.stream(projection.getClass().getMethods())
                .filter(method -> method.getName().equals("on"))
                .filter(method -> method.getParameterTypes()[0] == event.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no handler for " + event.getClass()));
        Object[] arguments = Arrays.stream(handler.getParameterTypes())
                .map(type -> argument(type, event, position))
                .toArray();
        try {
            handler.invoke(projection, arguments);
        } catch (IllegalAccessException | InvocationTargetException failed) {
            throw new IllegalStateException("handling " + event + " failed", failed);
        }
    }

    private static Object argument(Class<?> type, Object event, long position) {
        if (type == TrackingToken.class) {
            return new GlobalSequenceTrackingToken(position);
        }
        if (type == String.class) {
            return "event-" + position;
        }
        return event;
    }
}
