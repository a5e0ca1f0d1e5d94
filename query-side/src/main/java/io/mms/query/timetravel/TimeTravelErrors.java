package io.mms.query.timetravel;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.mms.projections.timetravel.HistoryTooLong;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Answers a question about the past that would replay too much history with {@code HISTORY_TOO_LONG}. */
@Component
class TimeTravelErrors extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable failure, DataFetchingEnvironment env) {
        if (failure instanceof HistoryTooLong tooLong) {
            return GraphqlErrorBuilder.newError(env)
                    .errorType(ErrorType.BAD_REQUEST)
                    .message(tooLong.getMessage())
                    .extensions(Map.of("code", "HISTORY_TOO_LONG"))
                    .build();
        }
        return null;
    }
}
