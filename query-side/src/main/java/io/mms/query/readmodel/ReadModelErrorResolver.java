package io.mms.query.readmodel;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.mms.projections.rebuild.RebuildConflict;
import io.mms.projections.support.DeadLetterRetry;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * An unknown read model is {@code NOT_FOUND}; retrying dead letters in a process that does not
 * run the read model's processor is {@code PROCESSOR_ELSEWHERE}; a rebuild asked for while one
 * runs, or a cancel without one to cancel, is {@code CONFLICT}.
 */
@Component
class ReadModelErrorResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable failure, DataFetchingEnvironment env) {
        if (failure instanceof UnknownReadModel unknown) {
            return error(env, ErrorType.NOT_FOUND, "NOT_FOUND", unknown.getMessage());
        }
        if (failure instanceof RebuildConflict conflict) {
            return error(env, ErrorType.BAD_REQUEST, "CONFLICT", conflict.getMessage());
        }
        if (failure instanceof DeadLetterRetry.ProcessorElsewhere elsewhere) {
            return error(env, ErrorType.BAD_REQUEST, "PROCESSOR_ELSEWHERE", elsewhere.getMessage());
        }
        return null;
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String code, String message) {
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message)
                .extensions(Map.of("code", code)).build();
    }
}
