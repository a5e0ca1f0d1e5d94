package io.mms.events;

import java.time.Instant;

/**
 * One event as partners receive it, whichever way they follow the stream (Server-Sent Events,
 * paged JSON, Kafka): where it stands in the stream, what it is, which aggregate it belongs to,
 * when it happened, what caused it, and its payload.
 *
 * <p>{@code position} is the event's place in the whole stream; it only grows, and a partner
 * resumes after the last position it saw. {@code sequence} is its place in its aggregate's own
 * history. The payload is the public event's JSON; partners turn it into the event record with
 * {@link EventCatalog#classOf(String)}.
 *
 * @param position      the place in the whole stream, increasing with every event
 * @param type          the public type name, such as {@code CustomerRegistered}
 * @param revision      the revision of the payload's shape
 * @param aggregateId   the customer, campaign, ... the event belongs to
 * @param sequence      the event's number within its aggregate's history, from 0
 * @param time          when the event was recorded
 * @param correlationId the id shared by every message of one request's chain, if known
 * @param causationId   the id of the message that directly caused this event, if known
 * @param payload       the event's fields as JSON (a tree or a map, depending on the reader)
 * @param <P>           how the payload is held
 */
public record EventEnvelope<P>(
        long position,
        String type,
        int revision,
        String aggregateId,
        long sequence,
        Instant time,
        String correlationId,
        String causationId,
        P payload) {
}
