package io.mms.command.customer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make a new customer known to MMS. */
public record RegisterCustomer(@TargetAggregateIdentifier String customerId, String email, String name) {
}
