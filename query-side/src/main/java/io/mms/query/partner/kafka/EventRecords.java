package io.mms.query.partner.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mms.events.EventEnvelope;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Kafka record of one event: keyed by its aggregate, so that a customer's or a campaign's
 * events share a partition and keep their order; valued with the partner envelope as JSON; and
 * with its type, revision and position as headers, so that a consumer can route or skip an
 * event without parsing it.
 */
final class EventRecords {

    static final String TYPE = "type";
    static final String REVISION = "revision";
    static final String POSITION = "position";

    private final String topic;
    private final ObjectMapper json;

    EventRecords(String topic, ObjectMapper json) {
        this.topic = topic;
        this.json = json;
    }

    /**
     * The record's timestamp is left to the producer (the time of sending): a broker's
     * time-based retention would otherwise delete a replayed history as soon as it arrives.
     */
    ProducerRecord<String, String> of(EventEnvelope<?> envelope) {
        return new ProducerRecord<>(topic, null, null, envelope.aggregateId(), value(envelope), List.of(
                header(TYPE, envelope.type()),
                header(REVISION, String.valueOf(envelope.revision())),
                header(POSITION, String.valueOf(envelope.position()))));
    }

    private String value(EventEnvelope<?> envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event at position " + envelope.position() + " has no JSON form", e);
        }
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
