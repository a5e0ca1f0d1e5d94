package io.mms.query.timetravel;

import com.mongodb.client.MongoDatabase;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import io.mms.projections.support.ScratchSpace;
import io.mms.projections.timetravel.TimeTravel;

import java.time.Instant;
import java.util.function.Function;

/**
 * Answers query fields as of a past instant: replays the history up to it (see
 * {@link TimeTravel}), reads the answer with the live read model's reader, and keeps the
 * replayed read models until the request is answered, for the fields below; then they are
 * dropped ({@link ScratchSpaceRelease}).
 */
public class PastReadModels {

    private final TimeTravel timeTravel;

    PastReadModels(TimeTravel timeTravel) {
        this.timeTravel = timeTravel;
    }

    /**
     * The field's value as of the instant.
     *
     * @param replay which history to replay, such as {@code travel -> travel.customer(id, asOf)}
     * @param read   what to read from the replayed read models, with the live reader
     */
    public <T> DataFetcherResult<T> answer(Instant asOf, Function<TimeTravel, ScratchSpace> replay,
                                           Function<MongoDatabase, T> read, DataFetchingEnvironment env) {
        ScratchSpace space = replay.apply(timeTravel);
        ScratchSpaceRelease.keepUntilAnswered(env.getGraphQlContext(), space);
        return new AsOf(asOf, space.database()).result(read.apply(space.database()));
    }
}
