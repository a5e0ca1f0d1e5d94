package io.mms.launcher.graphql;

import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLScalarType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The scalars and error conventions that every side's part of the GraphQL schema shares. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer sharedScalars() {
        GraphQLScalarType decimal = GraphQLScalarType.newScalar(ExtendedScalars.GraphQLBigDecimal)
                .name("Decimal")
                .description("A decimal number, exact to every digit given (money amounts, for instance).")
                .build();
        return wiring -> wiring.scalar(decimal).scalar(InstantScalar.DATE_TIME);
    }

    @Bean
    ErrorCodeInstrumentation errorCodeInstrumentation() {
        return new ErrorCodeInstrumentation();
    }
}
