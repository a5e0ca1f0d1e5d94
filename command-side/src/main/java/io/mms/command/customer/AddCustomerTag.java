package io.mms.command.customer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Put a tag on a customer. */
public record AddCustomerTag(@TargetAggregateIdentifier String customerId, String tag) {
}
