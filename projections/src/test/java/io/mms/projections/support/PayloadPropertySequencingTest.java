package io.mms.projections.support;

import io.mms.events.customer.CustomerTagAdded;
import io.mms.events.delivery.EngagementKind;
import io.mms.events.delivery.MessageEngaged;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadPropertySequencingTest {

    private final PayloadPropertySequencing byCustomer = new PayloadPropertySequencing("customerId");

    @Test
    void eventsAboutOneCustomerShareASequenceWhoeverPublishedThem() {
        var tagged = new GenericDomainEventMessage<>("Customer", "cu-1", 3,
                new CustomerTagAdded("cu-1", "vip", Instant.EPOCH));
        var engaged = GenericEventMessage.asEventMessage(new MessageEngaged("cu-1", "ca-1", "cu-1:ca-1",
                EngagementKind.OPENED, "p-1", Instant.EPOCH, null, null));

        assertThat(byCustomer.getSequenceIdentifierFor(tagged)).isEqualTo("cu-1");
        assertThat(byCustomer.getSequenceIdentifierFor(engaged)).isEqualTo("cu-1");
    }

    @Test
    void eventsWithoutThePropertyAreSequencedPerAggregate() {
        var other = new GenericDomainEventMessage<>("Campaign", "ca-1", 0, "a payload without customerId");

        assertThat(byCustomer.getSequenceIdentifierFor(other)).isEqualTo("ca-1");
    }
}
