package io.mms.launcher.graphql;

import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLScalarType;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The scalars, error conventions and query limits that every side's part of the GraphQL schema shares. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer sharedScalars() {
        GraphQLScalarType decimal = GraphQLScalarType.newScalar(ExtendedScalars.GraphQLBigDecimal)
                .name("Decimal")
                .description("A decimal number, exact to every digit given (money amounts, for instance).")
                .build();
        GraphQLScalarType longInteger = GraphQLScalarType.newScalar(ExtendedScalars.GraphQLLong)
                .description("A 64-bit integer, written as a JSON number: stream positions and large counts.")
                .build();
        return wiring -> wiring.scalar(decimal).scalar(InstantScalar.DATE_TIME).scalar(longInteger);
    }

    @Bean
    QueryLimitInstrumentations.Depth queryDepthLimit(QueryLimits limits) {
        return new QueryLimitInstrumentations.Depth(limits.maxDepth());
    }

    @Bean
    QueryLimitInstrumentations.Complexity queryComplexityLimit(QueryLimits limits) {
        return new QueryLimitInstrumentations.Complexity(limits.maxComplexity());
    }

    /** Four million characters of distinct query documents at most: far more than any set of clients sends. */
    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCache() {
        ParsedDocumentCache cache = new ParsedDocumentCache(4_000_000);
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
    }

    @Bean
    ErrorCodeInstrumentation errorCodeInstrumentation() {
        return new ErrorCodeInstrumentation();
    }
}
