package io.mms.command.customer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a tag off a customer. */
public record RemoveCustomerTag(@TargetAggregateIdentifier String customerId, String tag) {
}
