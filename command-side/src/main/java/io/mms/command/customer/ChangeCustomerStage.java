package io.mms.command.customer;

import io.mms.events.customer.LifecycleStage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move a customer to another lifecycle stage. */
public record ChangeCustomerStage(@TargetAggregateIdentifier String customerId, LifecycleStage stage) {
}
