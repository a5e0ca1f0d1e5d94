package io.mms.query.timetravel;

import com.mongodb.client.MongoDatabase;
import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An answer as of a past instant, handed down to the fields below the one that asked for it
 * (as GraphQL's local context), so that they read the same replayed read models.
 *
 * @param instant  the instant asked about
 * @param database the scratch database the history up to it was replayed into
 */
public record AsOf(Instant instant, MongoDatabase database) {

    private static final String KEY = AsOf.class.getName();

    /** The answer as of a past instant that the field belongs to, if it belongs to one. */
    public static Optional<AsOf> of(DataFetchingEnvironment env) {
        return env.getLocalContext() instanceof GraphQLContext context
                ? Optional.ofNullable(context.get(KEY))
                : Optional.empty();
    }

    /** The field's value, with this answer handed down to the fields below it. */
    <T> DataFetcherResult<T> result(T data) {
        return DataFetcherResult.<T>newResult().data(data).localContext(GraphQLContext.of(Map.of(KEY, this))).build();
    }
}
