package io.mms.projections.support;

import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.List;
import java.util.Map;

/**
 * The positions of events in the stream, each event's own.
 *
 * <p>A token does not always name its event's position. The JDBC store's tokens name the
 * highest position seen so far: an event whose transaction commits late, into a gap below
 * that position, arrives with a token that still names the highest one. A document written by
 * a later event at that highest position would then look as if it already reflected the late
 * one, and the position guard of {@link DocumentWrites} would drop it. The event store knows
 * each event's own position; this asks it.
 */
@FunctionalInterface
public interface EventPositions {

    /** Each event's own position, by event identifier; every event of the list is answered. */
    Map<String, Long> of(List<? extends TrackedEventMessage<?>> events);
}
