package io.mms.query.web;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.mms.projections.support.InvalidPageRequest;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Answers a query that cannot be served as asked with a {@code VALIDATION} error, and one
 * whose read model did not reach the asked position in time with {@code STALE}.
 */
@Component
class QueryErrorResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable failure, DataFetchingEnvironment env) {
        if (failure instanceof InvalidPageRequest invalid) {
            return GraphqlErrorBuilder.newError(env)
                    .errorType(ErrorType.BAD_REQUEST)
                    .message(invalid.getMessage())
                    .extensions(Map.of("code", "VALIDATION"))
                    .build();
        }
        if (failure instanceof ReadYourWrites.StaleReadModel stale) {
            return GraphqlErrorBuilder.newError(env)
                    .errorType(ErrorType.INTERNAL_ERROR)
                    .message(stale.getMessage())
                    .extensions(Map.of("code", "STALE"))
                    .build();
        }
        return null;
    }
}
