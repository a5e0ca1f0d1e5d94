package io.mms.command.web;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.mms.command.rejection.CommandRejected;
import io.mms.command.rejection.CommandRejected.Reason;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Turns a refused command into a GraphQL error with a stable {@code extensions.code}, instead
 * of the {@code INTERNAL_ERROR} a client would otherwise see.
 */
@Component
class CommandRejectionResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable failure, DataFetchingEnvironment env) {
        Throwable cause = unwrap(failure);
        if (cause instanceof CommandRejected rejected) {
            return error(env, rejected.reason(), rejected.getMessage());
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return error(env, Reason.NOT_FOUND, "nothing with id " + notFound.getAggregateIdentifier() + " exists");
        }
        return null;
    }

    /** Through Axon Server a handler's exception arrives wrapped; locally it arrives as thrown. */
    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CommandExecutionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static GraphQLError error(DataFetchingEnvironment env, Reason reason, String message) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(errorType(reason))
                .message(message)
                .extensions(Map.of("code", reason.name()))
                .build();
    }

    private static ErrorType errorType(Reason reason) {
        return switch (reason) {
            case VALIDATION, CONFLICT -> ErrorType.BAD_REQUEST;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
        };
    }
}
