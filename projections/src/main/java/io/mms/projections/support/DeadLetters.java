package io.mms.projections.support;

import com.mongodb.client.model.Filters;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.serialization.Serializer;

import java.util.ArrayList;
import java.util.List;

/**
 * The events that read models parked because a handler failed on them, read from Axon's
 * Mongo dead-letter queue ({@code deadletters} collection, one queue per processing group).
 * Readable wherever the read-model database is, also where no processor runs.
 */
public class DeadLetters {

    /** The diagnostics entry that counts how often handling the event failed. */
    static final String FAILURES = "failures";

    private static final String PROCESSING_GROUP = "processingGroup";

    private final MongoTemplate template;
    private final Serializer eventSerializer;

    public DeadLetters(MongoTemplate template, Serializer eventSerializer) {
        this.template = template;
        this.eventSerializer = eventSerializer;
    }

    /** The dead-letter queue of a processing group, as processors and readers both build it. */
    public static MongoSequencedDeadLetterQueue<EventMessage<?>> queue(
            String processingGroup, MongoTemplate template, Serializer eventSerializer) {
        return MongoSequencedDeadLetterQueue.builder()
                .processingGroup(processingGroup)
                .mongoTemplate(template)
                .serializer(eventSerializer)
                .transactionManager(NoTransactionManager.instance())
                .build();
    }

    /** Parks every failed event and counts, on the letter, how often it failed. */
    public static EnqueuePolicy<EventMessage<?>> countingFailures() {
        return (letter, cause) -> Decisions.enqueue(cause,
                failed -> failed.diagnostics().and(FAILURES, failuresOf(failed) + 1));
    }

    /** How many events the processing group has parked. */
    public long count(String processingGroup) {
        return template.deadLetterCollection().countDocuments(Filters.eq(PROCESSING_GROUP, processingGroup));
    }

    /** The parked events of the processing group, sequence by sequence, in the order they would be retried. */
    public List<ParkedEvent> list(String processingGroup, int limit) {
        List<ParkedEvent> parked = new ArrayList<>();
        for (var sequence : queue(processingGroup, template, eventSerializer).deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (parked.size() == limit) {
                    return parked;
                }
                parked.add(toParkedEvent(letter));
            }
        }
        return parked;
    }

    private static ParkedEvent toParkedEvent(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        return new ParkedEvent(
                event.getPayloadType().getSimpleName(),
                event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null,
                event instanceof TrackedEventMessage<?> tracked ? position(tracked) : null,
                letter.cause().map(Cause::type).orElse(null),
                letter.cause().map(Cause::message).orElse(null),
                letter.enqueuedAt(),
                letter.lastTouched(),
                Math.max(0, failuresOf(letter) - 1));
    }

    private static Long position(TrackedEventMessage<?> tracked) {
        long position = StreamPositions.of(tracked.trackingToken());
        return position == StreamPositions.NONE ? null : position;
    }

    private static int failuresOf(DeadLetter<?> letter) {
        return letter.diagnostics().get(FAILURES) instanceof Number failures ? failures.intValue() : 0;
    }
}
