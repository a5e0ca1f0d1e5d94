package io.mms.query.partner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mms.events.EventCatalog;
import io.mms.events.EventEnvelope;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;

/**
 * Puts a stored event into the envelope partners receive, the same whichever way they follow
 * the stream (HTTP or Kafka).
 */
public final class PublicEnvelopes {

    /**
     * Axon's message-origin metadata: {@code traceId} is the id of the first message of the
     * chain (the correlation), {@code correlationId} the id of the message that caused this one.
     */
    private static final String CORRELATION_KEY = "traceId";
    private static final String CAUSATION_KEY = "correlationId";

    private PublicEnvelopes() {
    }

    /** Whether the event belongs to the public contract; no other event leaves MMS. */
    public static boolean isPublic(EventMessage<?> message) {
        return EventCatalog.isPublic(message.getPayloadType());
    }

    /**
     * The envelope of a public event at its stream position, without the fields marked as
     * personal data unless {@code personalData} says the reader may have them.
     */
    public static EventEnvelope<ObjectNode> of(long position, EventMessage<?> message, boolean personalData,
                                               ObjectMapper json) {
        Class<?> payloadType = message.getPayloadType();
        ObjectNode payload = json.valueToTree(message.getPayload());
        if (!personalData) {
            PersonalDataFields.remove(payloadType, payload);
        }
        MetaData metaData = message.getMetaData();
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        return new EventEnvelope<>(
                position,
                EventCatalog.typeOf(payloadType),
                EventCatalog.revisionOf(payloadType),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? -1 : domain.getSequenceNumber(),
                message.getTimestamp(),
                text(metaData.get(CORRELATION_KEY)),
                text(metaData.get(CAUSATION_KEY)),
                payload);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
