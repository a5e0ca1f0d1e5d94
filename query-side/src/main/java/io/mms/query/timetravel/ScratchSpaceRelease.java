package io.mms.query.timetravel;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.mms.projections.support.ScratchSpace;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Drops the scratch databases of a request's answers as of past instants once the whole
 * request is answered, whether it succeeded or failed.
 */
class ScratchSpaceRelease extends SimplePerformantInstrumentation {

    private static final String KEY = ScratchSpaceRelease.class.getName();

    static void keepUntilAnswered(GraphQLContext request, ScratchSpace space) {
        request.<Queue<ScratchSpace>>computeIfAbsent(KEY, key -> new ConcurrentLinkedQueue<>()).add(space);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                  InstrumentationState state) {
        GraphQLContext request = parameters.getGraphQLContext();
        return SimpleInstrumentationContext.whenCompleted((result, failure) -> release(request));
    }

    private static void release(GraphQLContext request) {
        Queue<ScratchSpace> spaces = request.get(KEY);
        if (spaces == null) {
            return;
        }
        for (ScratchSpace space = spaces.poll(); space != null; space = spaces.poll()) {
            space.close();
        }
    }
}
