package io.mms.projections.support;

import io.mms.events.customer.CustomerTagAdded;
import io.mms.events.segment.SegmentDeleted;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelSequencingTest {

    @Test
    void aReadModelInOneSequenceHandlesEventsOfDifferentAggregatesInOneSequence() {
        var tagged = new GenericDomainEventMessage<>("Customer", "cu-1", 3,
                new CustomerTagAdded("cu-1", "vip", Instant.EPOCH));
        var deleted = new GenericDomainEventMessage<>("Segment", "se-1", 1, new SegmentDeleted("se-1", Instant.EPOCH));
        var oneSequence = ReadModelProcessors.sequencing(ReadModel.ONE_SEQUENCE);

        assertThat(oneSequence.getSequenceIdentifierFor(tagged))
                .isEqualTo(oneSequence.getSequenceIdentifierFor(deleted));
    }

    @Test
    void aReadModelSequencedByAPropertyKeepsOneSequencePerValue() {
        var first = new GenericDomainEventMessage<>("Customer", "cu-1", 3,
                new CustomerTagAdded("cu-1", "vip", Instant.EPOCH));
        var second = new GenericDomainEventMessage<>("Customer", "cu-2", 3,
                new CustomerTagAdded("cu-2", "vip", Instant.EPOCH));
        var byCustomer = ReadModelProcessors.sequencing("customerId");

        assertThat(byCustomer.getSequenceIdentifierFor(first))
                .isNotEqualTo(byCustomer.getSequenceIdentifierFor(second));
    }
}
