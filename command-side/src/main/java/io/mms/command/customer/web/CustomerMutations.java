package io.mms.command.customer.web;

import io.mms.command.customer.AddCustomerTag;
import io.mms.command.customer.ChangeCustomerEmail;
import io.mms.command.customer.ChangeCustomerStage;
import io.mms.command.customer.GrantConsent;
import io.mms.command.customer.RegisterCustomer;
import io.mms.command.customer.RemoveCustomerTag;
import io.mms.command.customer.UpdateCustomerProfile;
import io.mms.command.customer.UpdateCustomerProfile.Attribute;
import io.mms.command.customer.WithdrawConsent;
import io.mms.command.web.Commands;
import io.mms.events.campaign.Channel;
import io.mms.events.customer.LifecycleStage;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Controller
class CustomerMutations {

    private final Commands commands;

    CustomerMutations(Commands commands) {
        this.commands = commands;
    }

    @MutationMapping
    RegisterCustomerPayload registerCustomer(@Argument RegisterCustomerInput input) {
        String customerId = UUID.randomUUID().toString();
        long position = commands.send(new RegisterCustomer(customerId, input.email(), input.name()));
        return new RegisterCustomerPayload(customerId, position);
    }

    @MutationMapping
    CustomerPayload updateCustomerProfile(@Argument UpdateCustomerProfileInput input) {
        return send(input.customerId(), new UpdateCustomerProfile(
                input.customerId(), input.name(), input.phone(), input.locale(), input.attributes()));
    }

    @MutationMapping
    CustomerPayload changeCustomerEmail(@Argument ChangeCustomerEmailInput input) {
        return send(input.customerId(), new ChangeCustomerEmail(input.customerId(), input.email()));
    }

    @MutationMapping
    CustomerPayload changeCustomerStage(@Argument ChangeCustomerStageInput input) {
        return send(input.customerId(), new ChangeCustomerStage(input.customerId(), input.stage()));
    }

    @MutationMapping
    CustomerPayload addCustomerTag(@Argument CustomerTagInput input) {
        return send(input.customerId(), new AddCustomerTag(input.customerId(), input.tag()));
    }

    @MutationMapping
    CustomerPayload removeCustomerTag(@Argument CustomerTagInput input) {
        return send(input.customerId(), new RemoveCustomerTag(input.customerId(), input.tag()));
    }

    @MutationMapping
    CustomerPayload grantConsent(@Argument ConsentInput input) {
        return send(input.customerId(), new GrantConsent(
                input.customerId(), input.channel(), input.purpose(), input.source(), input.at()));
    }

    @MutationMapping
    CustomerPayload withdrawConsent(@Argument ConsentInput input) {
        return send(input.customerId(), new WithdrawConsent(
                input.customerId(), input.channel(), input.purpose(), input.source(), input.at()));
    }

    private CustomerPayload send(String customerId, Object command) {
        return new CustomerPayload(customerId, commands.send(command));
    }

    record RegisterCustomerInput(String email, String name) {
    }

    record RegisterCustomerPayload(String customerId, long position) {
    }

    record UpdateCustomerProfileInput(
            String customerId, String name, String phone, String locale, List<Attribute> attributes) {
    }

    record ChangeCustomerEmailInput(String customerId, String email) {
    }

    record ChangeCustomerStageInput(String customerId, LifecycleStage stage) {
    }

    record CustomerTagInput(String customerId, String tag) {
    }

    record ConsentInput(String customerId, Channel channel, String purpose, String source, Instant at) {
    }

    record CustomerPayload(String customerId, long position) {
    }
}
