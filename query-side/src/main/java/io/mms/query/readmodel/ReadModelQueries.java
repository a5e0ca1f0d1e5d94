package io.mms.query.readmodel;

import io.mms.projections.rebuild.RebuildStatus;
import io.mms.projections.rebuild.Rebuilds;
import io.mms.projections.support.DeadLetterRetry;
import io.mms.projections.support.DeadLetters;
import io.mms.projections.support.InvalidPageRequest;
import io.mms.projections.support.Listing;
import io.mms.projections.support.ParkedEvent;
import io.mms.projections.support.ReadModel;
import io.mms.projections.support.ReadModelStatus;
import io.mms.projections.support.ReadModelStatuses;
import io.mms.projections.support.StreamPositions;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.List;

/** How current the read models are, what they parked, retrying it, and rebuilding them. */
@Controller
class ReadModelQueries {

    private final List<ReadModel> readModels;
    private final ReadModelStatuses statuses;
    private final DeadLetters deadLetters;
    private final DeadLetterRetry retry;
    private final Rebuilds rebuilds;
    private final EventStore eventStore;

    ReadModelQueries(List<ReadModel> readModels, ReadModelStatuses statuses, DeadLetters deadLetters,
                     DeadLetterRetry retry, Rebuilds rebuilds, EventStore eventStore) {
        this.readModels = readModels;
        this.statuses = statuses;
        this.deadLetters = deadLetters;
        this.retry = retry;
        this.rebuilds = rebuilds;
        this.eventStore = eventStore;
    }

    @QueryMapping
    List<ReadModelStatus> readModels() {
        return statuses.all();
    }

    @SchemaMapping(typeName = "ReadModelStatus", field = "lagMillis")
    long lagMillis(ReadModelStatus status) {
        return status.lagTime().toMillis();
    }

    @SchemaMapping(typeName = "ReadModelStatus", field = "rebuild")
    RebuildStatus rebuild(ReadModelStatus status) {
        return rebuilds.statusOf(status.name(), status.head()).orElse(null);
    }

    @QueryMapping("deadLetters")
    List<ParkedEvent> parkedEvents(@Argument String readModel, @Argument int first) {
        if (first < 1 || first > Listing.MAX_PAGE_SIZE) {
            throw new InvalidPageRequest("first must be between 1 and " + Listing.MAX_PAGE_SIZE + ", was " + first);
        }
        return deadLetters.list(known(readModel), first);
    }

    @MutationMapping
    RetryDeadLettersPayload retryDeadLetters(@Argument RetryDeadLettersInput input) {
        DeadLetterRetry.Outcome outcome = retry.retry(known(input.readModel()));
        return new RetryDeadLettersPayload(input.readModel(), outcome.retriedSequences(), outcome.remaining(),
                StreamPositions.head(eventStore));
    }

    @MutationMapping
    RebuildReadModelPayload rebuildReadModel(@Argument RebuildReadModelInput input) {
        rebuilds.request(known(input.readModel()));
        return rebuildPayload(input.readModel());
    }

    @MutationMapping
    RebuildReadModelPayload cancelReadModelRebuild(@Argument RebuildReadModelInput input) {
        rebuilds.cancel(known(input.readModel()));
        return rebuildPayload(input.readModel());
    }

    private RebuildReadModelPayload rebuildPayload(String readModel) {
        long head = StreamPositions.head(eventStore);
        return new RebuildReadModelPayload(readModel, rebuilds.statusOf(readModel, head).orElseThrow(), head);
    }

    private String known(String readModel) {
        List<String> names = readModels.stream().map(ReadModel::processor).toList();
        if (!names.contains(readModel)) {
            throw new UnknownReadModel(readModel, names);
        }
        return readModel;
    }

    record RetryDeadLettersInput(String readModel) {
    }

    record RetryDeadLettersPayload(String readModel, int retriedSequences, long remaining, long position) {
    }

    record RebuildReadModelInput(String readModel) {
    }

    record RebuildReadModelPayload(String readModel, RebuildStatus rebuild, long position) {
    }
}
