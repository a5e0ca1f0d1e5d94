package io.mms.launcher;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the errors of a GraphQL answer in tests. */
final class GraphQlErrors {

    private GraphQlErrors() {
    }

    /** Executes the request and returns its only error, failing if it had none or several. */
    static ResponseError singleError(GraphQlTester.Request<?> request) {
        List<ResponseError> errors = new ArrayList<>();
        request.execute().errors().satisfy(errors::addAll);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }
}
