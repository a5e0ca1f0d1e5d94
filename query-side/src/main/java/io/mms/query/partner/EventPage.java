package io.mms.query.partner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mms.events.EventEnvelope;

import java.util.List;

/**
 * Events read from the stream in one go.
 *
 * @param events  the events delivered, in stream order
 * @param next    the position to read on from: the last event read, delivered or filtered out
 * @param waiting whether reading stopped at an event that waits for an earlier position's
 *                transaction to commit; reading again shortly may deliver it
 */
record EventPage(List<EventEnvelope<ObjectNode>> events, long next, boolean waiting) {
}
