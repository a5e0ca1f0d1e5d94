package io.mms.query.partner.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mms.events.EventCatalog;
import io.mms.events.EventEnvelope;
import io.mms.projections.support.EventPositions;
import io.mms.query.history.EventEnvelopes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Sends every public event to the Kafka topic, as its processor ({@value #PROCESSOR}) reads
 * them from the event store.
 *
 * <p>The public events of a batch are collected and, at its last event, sent together; the
 * batch ends only when Kafka has acknowledged all of them. Only then does the processor store
 * its token, so an event is never passed over: a send that fails fails the batch, which is
 * sent again (at least once, possibly twice). The producer keeps the order of the sends per
 * partition, and the events of one aggregate are handled in order by one segment, so a key's
 * records keep the order of its events.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSOR)
public class KafkaEventPublisher implements AutoCloseable {

    /** The processing group, also the name of the publisher's token in the event-store database. */
    public static final String PROCESSOR = "kafka-publisher";

    private static final String BATCH = KafkaEventPublisher.class.getName() + ".batch";

    private final DefaultKafkaProducerFactory<String, String> producers;
    private final KafkaTemplate<String, String> kafka;
    private final EventRecords records;
    private final EventPositions positions;
    private final boolean personalData;
    private final ObjectMapper json;

    KafkaEventPublisher(DefaultKafkaProducerFactory<String, String> producers, EventRecords records,
                        EventPositions positions, boolean personalData, ObjectMapper json) {
        this.producers = producers;
        this.kafka = new KafkaTemplate<>(producers);
        // Spring's default listener logs a failed record with its contents, personal data included;
        // a failure is reported once, without them, by the processor that the exception stops.
        this.kafka.setProducerListener(new ProducerListener<>() {
        });
        this.records = records;
        this.positions = positions;
        this.personalData = personalData;
        this.json = json;
    }

    @EventHandler
    void publish(TrackedEventMessage<?> message, UnitOfWork<?> unitOfWork) throws InterruptedException {
        List<TrackedEventMessage<?>> batch = unitOfWork.root().getOrComputeResource(BATCH, key -> new ArrayList<>());
        if (EventCatalog.isPublic(message.getPayloadType())) {
            batch.add(message);
        }
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage()) {
            send(batch);
            batch.clear();
        }
    }

    private void send(List<TrackedEventMessage<?>> batch) throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Long> positionById = positions.of(batch);
        CompletableFuture<?>[] sends = batch.stream()
                .map(event -> envelope(positionById.get(event.getIdentifier()), event))
                .map(envelope -> kafka.send(records.of(envelope)))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sends).get();
        } catch (ExecutionException refused) {
            throw new IllegalStateException("Kafka did not acknowledge every event of the batch", refused.getCause());
        }
    }

    @Override
    public void close() {
        producers.destroy();
    }

    private EventEnvelope<ObjectNode> envelope(long position, TrackedEventMessage<?> event) {
        EventEnvelope<ObjectNode> envelope = EventEnvelopes.of(position, event, json);
        return personalData ? envelope : EventEnvelopes.withoutPersonalData(envelope);
    }
}
