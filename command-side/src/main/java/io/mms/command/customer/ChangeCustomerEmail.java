package io.mms.command.customer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reach a customer at another email address from now on. */
public record ChangeCustomerEmail(@TargetAggregateIdentifier String customerId, String email) {
}
