package io.mms.projections.rebuild;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.mms.projections.support.DeadLetters;
import io.mms.projections.support.ProcessorTokens;
import io.mms.projections.support.ReadModelProgress;
import io.mms.projections.support.ReadModelVersions;
import io.mms.projections.support.StreamPositions;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * The rebuilds of read models, kept in the {@code readmodel_rebuilds} collection of the
 * read-model database (one document per read model: its current or latest rebuild). Any process
 * can ask for a rebuild or cancel one; the projections side ({@link RebuildRunner}) carries
 * them out and resumes them after a restart.
 */
public class Rebuilds {

    static final String COLLECTION = "readmodel_rebuilds";

    private static final String STATE = "state";
    private static final String FROM = "fromVersion";
    private static final String TO = "toVersion";
    private static final String REQUESTED_AT = "requestedAt";
    private static final String STARTED_AT = "startedAt";
    private static final String FINISHED_AT = "finishedAt";
    private static final String POSITION = "position";
    private static final String EVENTS_PER_SECOND = "eventsPerSecond";

    private final MongoCollection<Document> rebuilds;
    private final ReadModelVersions versions;
    private final ProcessorTokens tokens;
    private final DeadLetters deadLetters;
    private final Clock clock;

    public Rebuilds(MongoDatabase database, ReadModelVersions versions, ProcessorTokens tokens,
                    DeadLetters deadLetters, Clock clock) {
        this.rebuilds = database.getCollection(COLLECTION);
        this.versions = versions;
        this.tokens = tokens;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    /** The name of the processor (and processing group) that builds the read model's new version. */
    public static String processorOf(String readModel) {
        return readModel + ":rebuild";
    }

    /**
     * Asks for a rebuild of the read model into a new version beside the live one.
     *
     * @throws RebuildConflict if a rebuild of it has not finished yet
     */
    public Rebuild request(String readModel) {
        int live = versions.liveVersion(readModel);
        Document requested = new Document("_id", readModel)
                .append(STATE, RebuildState.REQUESTED.name())
                .append(FROM, live)
                .append(TO, live + 1)
                .append(REQUESTED_AT, Date.from(clock.instant()))
                .append(POSITION, StreamPositions.NONE);
        if (rebuilds.replaceOne(and(eq("_id", readModel), inStates(finishedStates())), requested)
                .getMatchedCount() == 0) {
            insertFirst(readModel, requested);
        }
        return toRebuild(requested);
    }

    /**
     * Stops the read model's rebuild before it switches; the projections side removes what it built.
     *
     * @throws RebuildConflict if no rebuild of it is requested or running
     */
    public Rebuild cancel(String readModel) {
        Document cancelling = rebuilds.findOneAndUpdate(
                and(eq("_id", readModel), inStates(List.of(RebuildState.REQUESTED, RebuildState.RUNNING))),
                Updates.set(STATE, RebuildState.CANCELLING.name()),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (cancelling == null) {
            throw new RebuildConflict(of(readModel)
                    .filter(rebuild -> !rebuild.state().finished())
                    .map(rebuild -> "the rebuild of " + readModel + " is " + rebuild.state() + " and can no longer "
                            + "be cancelled")
                    .orElse(readModel + " has no rebuild to cancel"));
        }
        return toRebuild(cancelling);
    }

    /** The read model's current or latest rebuild. */
    public Optional<Rebuild> of(String readModel) {
        return Optional.ofNullable(rebuilds.find(eq("_id", readModel)).first()).map(Rebuilds::toRebuild);
    }

    /** How far the read model's current or latest rebuild has come; empty if it was never rebuilt. */
    public Optional<RebuildStatus> statusOf(String readModel, long head) {
        return of(readModel).map(rebuild -> statusOf(rebuild, head));
    }

    private RebuildStatus statusOf(Rebuild rebuild, long head) {
        String processor = processorOf(rebuild.readModel());
        ReadModelProgress progress = tokens.progressOf(processor);
        long position = progress.started() ? progress.position() : rebuild.position();
        return new RebuildStatus(rebuild.state(), position, head, rebuild.eventsPerSecond(),
                secondsLeft(rebuild, position, head), deadLetters.count(processor),
                rebuild.requestedAt(), rebuild.startedAt(), rebuild.finishedAt());
    }

    private static Long secondsLeft(Rebuild rebuild, long position, long head) {
        return switch (rebuild.state()) {
            case SWITCHING -> 0L;
            case RUNNING -> secondsLeft(position, head, rebuild.eventsPerSecond());
            default -> null;
        };
    }

    /** How long a rebuild at the position takes to reach the head at the rate; null if the rate is unknown. */
    static Long secondsLeft(long position, long head, Double eventsPerSecond) {
        if (eventsPerSecond == null || eventsPerSecond <= 0) {
            return null;
        }
        return (long) Math.ceil(Math.max(0, head - position) / eventsPerSecond);
    }

    /** Rebuilds that have not finished, oldest request first. */
    List<Rebuild> unfinished() {
        List<RebuildState> unfinished = Arrays.stream(RebuildState.values())
                .filter(state -> !state.finished()).toList();
        List<Rebuild> found = new ArrayList<>();
        rebuilds.find(inStates(unfinished)).sort(new Document(REQUESTED_AT, 1))
                .forEach(document -> found.add(toRebuild(document)));
        return found;
    }

    /** Moves the rebuild from one state to the next, unless it left that state meanwhile (a cancel). */
    boolean advance(String readModel, RebuildState from, RebuildState to) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set(STATE, to.name())));
        if (to == RebuildState.RUNNING) {
            updates.add(Updates.set(STARTED_AT, Date.from(clock.instant())));
        }
        if (to.finished()) {
            updates.add(Updates.set(FINISHED_AT, Date.from(clock.instant())));
        }
        return rebuilds.updateOne(and(eq("_id", readModel), eq(STATE, from.name())), Updates.combine(updates))
                .getMatchedCount() == 1;
    }

    /** Keeps how far the rebuild has come and how fast, for every process to report. */
    void recordProgress(String readModel, long position, Double eventsPerSecond) {
        rebuilds.updateOne(eq("_id", readModel),
                Updates.combine(Updates.set(POSITION, position), Updates.set(EVENTS_PER_SECOND, eventsPerSecond)));
    }

    private void insertFirst(String readModel, Document requested) {
        try {
            rebuilds.insertOne(requested);
        } catch (MongoWriteException exists) {
            if (ErrorCategory.fromErrorCode(exists.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw exists;
            }
            throw new RebuildConflict(of(readModel)
                    .map(rebuild -> "a rebuild of " + readModel + " is " + rebuild.state() + " already; "
                            + "wait until it completes or cancel it")
                    .orElse("a rebuild of " + readModel + " was just asked for"));
        }
    }

    private static List<RebuildState> finishedStates() {
        return Arrays.stream(RebuildState.values()).filter(RebuildState::finished).toList();
    }

    private static Bson inStates(List<RebuildState> states) {
        return in(STATE, states.stream().map(RebuildState::name).toList());
    }

    private static Rebuild toRebuild(Document stored) {
        Number position = stored.get(POSITION, Number.class);
        Number rate = stored.get(EVENTS_PER_SECOND, Number.class);
        return new Rebuild(stored.getString("_id"),
                RebuildState.valueOf(stored.getString(STATE)),
                stored.getInteger(FROM, 0),
                stored.getInteger(TO, 1),
                instant(stored, REQUESTED_AT),
                instant(stored, STARTED_AT),
                instant(stored, FINISHED_AT),
                position == null ? StreamPositions.NONE : position.longValue(),
                rate == null ? null : rate.doubleValue());
    }

    private static Instant instant(Document stored, String field) {
        Date date = stored.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
