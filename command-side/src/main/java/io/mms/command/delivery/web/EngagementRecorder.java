package io.mms.command.delivery.web;

import io.mms.command.delivery.EngagementOutcome;
import io.mms.command.delivery.RecordEngagement;
import io.mms.command.rejection.CommandRejected;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import static io.mms.command.rejection.CommandRejected.Reason.NOT_FOUND;

/**
 * Sends a provider's report to the customer it concerns, for the GraphQL mutation and the
 * webhook alike. Every refusal comes back as a {@link CommandRejected}: a message id whose
 * customer does not exist names no message, just like one the customer was never sent.
 */
@Component
class EngagementRecorder {

    private final CommandGateway commands;

    EngagementRecorder(CommandGateway commands) {
        this.commands = commands;
    }

    EngagementOutcome record(RecordEngagement command) {
        try {
            return commands.sendAndWait(command);
        } catch (RuntimeException failure) {
            throw rejectionOr(unwrap(failure), failure, command.messageId());
        }
    }

    private static RuntimeException rejectionOr(Throwable cause, RuntimeException failure, String messageId) {
        if (cause instanceof CommandRejected rejected) {
            return rejected;
        }
        if (cause instanceof AggregateNotFoundException) {
            return new CommandRejected(NOT_FOUND, "no message with id '" + messageId + "' was ever sent");
        }
        return failure;
    }

    /** Through Axon Server a handler's exception arrives wrapped; locally it arrives as thrown. */
    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CommandExecutionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
