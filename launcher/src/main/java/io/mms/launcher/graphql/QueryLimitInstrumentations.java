package io.mms.launcher.graphql;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;

import java.util.List;
import java.util.Map;

/**
 * graphql-java's depth and complexity limits, answering with the code {@code QUERY_TOO_COMPLEX}.
 * Schema introspection (what GraphiQL asks for) is exempt: its standard query nests deeper
 * than any query over MMS's data needs to, and graphql-java checks it on its own.
 */
final class QueryLimitInstrumentations {

    static final String CODE = "QUERY_TOO_COMPLEX";

    private QueryLimitInstrumentations() {
    }

    static final class Depth extends MaxQueryDepthInstrumentation {

        private final int maxDepth;

        Depth(int maxDepth) {
            super(maxDepth);
            this.maxDepth = maxDepth;
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            return introspectionOnly(parameters) ? SimpleInstrumentationContext.noOp()
                    : super.beginExecuteOperation(parameters, state);
        }

        @Override
        protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
            return refused("the query nests " + depth + " levels deep; at most " + this.maxDepth + " are allowed");
        }
    }

    static final class Complexity extends MaxQueryComplexityInstrumentation {

        private final int maxComplexity;

        Complexity(int maxComplexity) {
            super(maxComplexity);
            this.maxComplexity = maxComplexity;
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            return introspectionOnly(parameters) ? SimpleInstrumentationContext.noOp()
                    : super.beginExecuteOperation(parameters, state);
        }

        @Override
        protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
            return refused("the query selects " + complexity + " fields in all; at most "
                    + this.maxComplexity + " are allowed");
        }
    }

    private static boolean introspectionOnly(InstrumentationExecuteOperationParameters parameters) {
        return parameters.getExecutionContext().getOperationDefinition().getSelectionSet().getSelections().stream()
                .allMatch(selection -> selection instanceof Field field && field.getName().startsWith("__"));
    }

    private static AbortExecutionException refused(String message) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(ErrorType.ExecutionAborted)
                .extensions(Map.of("code", CODE))
                .build()));
    }
}
