package io.mms.command.customer.web;

import io.mms.command.customer.RegisterCustomer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import java.util.UUID;

@Controller
class CustomerMutations {

    private final CommandGateway commands;

    CustomerMutations(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    RegisterCustomerPayload registerCustomer(@Argument RegisterCustomerInput input) {
        String customerId = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterCustomer(customerId, input.email(), input.name()));
        return new RegisterCustomerPayload(customerId);
    }

    record RegisterCustomerInput(String email, String name) {
    }

    record RegisterCustomerPayload(String customerId) {
    }
}
