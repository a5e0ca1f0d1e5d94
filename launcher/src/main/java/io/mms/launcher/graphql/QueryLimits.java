package io.mms.launcher.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How large a GraphQL query may be, so that one request cannot occupy the server. A query
 * beyond either limit is refused before it runs, with the code {@code QUERY_TOO_COMPLEX}.
 *
 * @param maxDepth      how deeply fields may nest
 * @param maxComplexity how many fields a query may select in all, counted over every level
 */
@ConfigurationProperties("mms.graphql")
public record QueryLimits(
        @DefaultValue("10") int maxDepth,
        @DefaultValue("200") int maxComplexity) {
}
