package io.mms.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mms.events.EventCatalog;
import io.mms.events.EventEnvelope;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;

import java.util.List;
import java.util.Set;

/**
 * Turns a message of the event store into the envelope that partners, exports and the history
 * all show, and leaves personal data out of it for readers that may not see it.
 */
public final class EventEnvelopes {

    /**
     * Axon's message-origin metadata: {@code traceId} is the id of the first message of the
     * chain (the correlation), {@code correlationId} the id of the message that caused this one.
     */
    private static final String CORRELATION_KEY = "traceId";
    private static final String CAUSATION_KEY = "correlationId";

    private EventEnvelopes() {
    }

    /** The envelope of a public event at its position, with its whole payload. */
    public static EventEnvelope<ObjectNode> of(long position, EventMessage<?> message, ObjectMapper json) {
        Class<?> payloadType = message.getPayloadType();
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
                json.valueToTree(message.getPayload()));
    }

    /** The same envelope with the payload's fields marked as personal data left out. */
    public static EventEnvelope<ObjectNode> withoutPersonalData(EventEnvelope<ObjectNode> envelope) {
        ObjectNode payload = envelope.payload().deepCopy();
        EventCatalog.classOf(envelope.type()).ifPresent(type -> PersonalDataFields.remove(type, payload));
        return new EventEnvelope<>(envelope.position(), envelope.type(), envelope.revision(),
                envelope.aggregateId(), envelope.sequence(), envelope.time(), envelope.correlationId(),
                envelope.causationId(), payload);
    }

    /** The names of the payload's fields that hold personal data and have a value, sorted. */
    public static List<String> personalDataIn(EventEnvelope<ObjectNode> envelope) {
        return EventCatalog.classOf(envelope.type())
                .map(PersonalDataFields::of)
                .orElse(Set.of())
                .stream()
                .filter(field -> envelope.payload().hasNonNull(field))
                .sorted()
                .toList();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
