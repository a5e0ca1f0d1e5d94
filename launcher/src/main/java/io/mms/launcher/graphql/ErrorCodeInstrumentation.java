package io.mms.launcher.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Gives every GraphQL error an {@code extensions.code}, so clients can rely on it: errors
 * that the resolvers did not classify, such as a malformed document or a value of the wrong
 * type, become {@code VALIDATION}; anything unexpected becomes {@code INTERNAL}.
 */
class ErrorCodeInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(
            ExecutionResult result, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> coded = result.getErrors().stream().map(ErrorCodeInstrumentation::withCode).toList();
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(coded)));
    }

    private static GraphQLError withCode(GraphQLError error) {
        Map<String, Object> extensions = error.getExtensions() == null ? Map.of() : error.getExtensions();
        if (extensions.containsKey("code")) {
            return error;
        }
        Map<String, Object> coded = new HashMap<>(extensions);
        coded.put("code", codeOf(error.getErrorType()));
        return GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(error.getErrorType())
                .extensions(coded)
                .build();
    }

    private static String codeOf(ErrorClassification type) {
        if (type == ErrorType.ValidationError || type == ErrorType.InvalidSyntax) {
            return "VALIDATION";
        }
        if (type == org.springframework.graphql.execution.ErrorType.NOT_FOUND) {
            return "NOT_FOUND";
        }
        return "INTERNAL";
    }
}
