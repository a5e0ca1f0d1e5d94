package io.mms.command.customer;

import io.mms.command.rejection.Check;
import io.mms.events.customer.CustomerRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A person MMS markets to: the consistency boundary for everything said about one customer. */
public class Customer {

    @AggregateIdentifier
    private String customerId;

    /** Axon rebuilds the aggregate from its events through this constructor. */
    protected Customer() {
    }

    @CommandHandler
    public Customer(RegisterCustomer command) {
        String email = Check.email(command.email());
        String name = Check.notBlank(command.name(), "name");

        apply(new CustomerRegistered(command.customerId(), email, name, GenericEventMessage.clock.instant()));
    }

    @EventSourcingHandler
    void on(CustomerRegistered event) {
        customerId = event.customerId();
    }
}
