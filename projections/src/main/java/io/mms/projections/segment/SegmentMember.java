package io.mms.projections.segment;

import java.time.Instant;

/**
 * A customer who currently meets a segment's rule.
 *
 * @param segmentId  the segment
 * @param customerId the customer
 * @param joinedAt   when the event that put the customer in happened
 * @param joinedBy   that event
 */
public record SegmentMember(String segmentId, String customerId, Instant joinedAt, JoinedBy joinedBy) {

    /**
     * The event that made a customer a member: a change of the customer, or a save or change of
     * the segment's rule.
     *
     * @param type     the event's public type name, such as {@code CustomerTagAdded}
     * @param eventId  the event's identifier in the event store
     * @param position the event's position in the stream
     * @param at       when it happened
     */
    public record JoinedBy(String type, String eventId, long position, Instant at) {
    }
}
