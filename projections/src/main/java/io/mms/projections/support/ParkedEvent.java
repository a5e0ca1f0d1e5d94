package io.mms.projections.support;

import java.time.Instant;

/**
 * An event in a read model's dead-letter queue.
 *
 * @param eventType    the event's public type name, such as {@code CustomerRegistered}
 * @param aggregateId  the customer, campaign, ... the event belongs to, if it belongs to one
 * @param position     the event's position in the stream, if the queue kept it
 * @param causeType    the class of the failure; null for an event parked only because an
 *                     earlier event of the same document is parked
 * @param causeMessage what the failure said
 * @param enqueuedAt   when the event was parked
 * @param lastTouched  when it was parked or last retried
 * @param retries      how many retries failed again
 */
public record ParkedEvent(String eventType, String aggregateId, Long position, String causeType,
                          String causeMessage, Instant enqueuedAt, Instant lastTouched, int retries) {
}
