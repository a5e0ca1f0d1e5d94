package io.mms.projections.rebuild;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.mms.projections.support.ReadModel;
import io.mms.projections.support.ReadModelCollection;
import io.mms.projections.support.ReadModelSchema;
import io.mms.projections.support.ReadModelVersions;
import io.mms.projections.support.VersionedCollections;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.nin;

/**
 * What a rebuild does in the read-model database: preparing the new version's collections,
 * discarding them, and making them the live ones. Every step can be repeated, so that a step
 * cut short by a crash is simply done again when the application is back.
 *
 * <p>It works on the database itself, not on the live view queries use: the names here are
 * those of versions, and through the live view {@code customer_profiles} would be the live one.
 */
class RebuildWorkspace {

    /** Long enough for every process to have read the versions again since a switch. */
    private static final Duration SETTLE = ReadModelVersions.CACHED_FOR.multipliedBy(2);

    private static final String PROCESSOR_NAME = "processorName";
    private static final String SEGMENT = "segment";
    private static final String PROCESSING_GROUP = "processingGroup";

    private final MongoClient client;
    private final MongoDatabase database;
    private final MongoTemplate template;
    private final ReadModelVersions versions;

    RebuildWorkspace(MongoClient client, MongoDatabase database, MongoTemplate template, ReadModelVersions versions) {
        this.client = client;
        this.database = database;
        this.template = template;
        this.versions = versions;
    }

    /** Creates the version's collections empty, with their indexes (and shard keys, against a cluster). */
    void prepare(ReadModel readModel, int version) {
        discard(readModel, version);
        new ReadModelSchema(client, VersionedCollections.version(database, readModel, version))
                .prepare(List.of(readModel));
    }

    /** Drops the version's collections and the rebuild's token and dead letters; never the live version. */
    void discard(ReadModel readModel, int version) {
        if (version == versions.liveVersion(readModel.processor())) {
            throw new IllegalStateException("version " + version + " of " + readModel.processor() + " is live");
        }
        Set<String> existing = database.listCollectionNames().into(new HashSet<>());
        readModel.collections().stream()
                .map(collection -> ReadModelVersions.nameIn(version, collection))
                .filter(existing::contains)
                .forEach(name -> database.getCollection(name).drop());
        String rebuild = Rebuilds.processorOf(readModel.processor());
        template.trackingTokensCollection().deleteMany(eq(PROCESSOR_NAME, rebuild));
        template.deadLetterCollection().deleteMany(eq(PROCESSING_GROUP, rebuild));
    }

    /**
     * Makes the rebuilt version the live one, once neither its processor nor the live one runs:
     * queries switch to it, live processing continues from the rebuild's token, and the rebuild's
     * dead letters become the read model's (the live ones concerned documents that are replaced).
     * Between the switch and the token, it waits until every process reads the new version, so
     * that nobody who waits for a position reads the old one after the position moved.
     */
    void switchTo(Rebuild rebuild) throws InterruptedException {
        String live = rebuild.readModel();
        String rebuilt = Rebuilds.processorOf(live);
        if (versions.liveVersion(live) != rebuild.toVersion()) {
            template.deadLetterCollection().deleteMany(eq(PROCESSING_GROUP, live));
            versions.switchTo(live, rebuild.toVersion());
        }
        TimeUnit.NANOSECONDS.sleep(SETTLE.toNanos());
        moveTokens(rebuilt, live);
        template.deadLetterCollection().updateMany(eq(PROCESSING_GROUP, rebuilt), Updates.set(PROCESSING_GROUP, live));
    }

    /** Drops the read model's versions that are neither live nor in the making. */
    List<String> dropRetired(ReadModel readModel, Set<Integer> keep) {
        List<String> dropped = new ArrayList<>();
        for (String name : database.listCollectionNames()) {
            for (ReadModelCollection collection : readModel.collections()) {
                OptionalInt version = ReadModelVersions.versionOf(name, collection);
                if (version.isPresent() && !keep.contains(version.getAsInt())) {
                    database.getCollection(name).drop();
                    dropped.add(name);
                }
            }
        }
        return dropped;
    }

    /** Gives the rebuild's segment tokens to the live processor in place of its own, unclaimed for it to take. */
    private void moveTokens(String from, String to) {
        MongoCollection<Document> tokens = template.trackingTokensCollection();
        List<Document> rebuilt = tokens.find(eq(PROCESSOR_NAME, from)).into(new ArrayList<>());
        if (rebuilt.isEmpty()) {
            return;
        }
        List<Object> segments = new ArrayList<>();
        for (Document token : rebuilt) {
            Document moved = new Document(token);
            moved.remove("_id");
            moved.put(PROCESSOR_NAME, to);
            moved.put("owner", null);
            tokens.replaceOne(and(eq(PROCESSOR_NAME, to), eq(SEGMENT, token.get(SEGMENT))), moved,
                    new ReplaceOptions().upsert(true));
            segments.add(token.get(SEGMENT));
        }
        tokens.deleteMany(and(eq(PROCESSOR_NAME, to), nin(SEGMENT, segments)));
        tokens.deleteMany(eq(PROCESSOR_NAME, from));
    }

}
