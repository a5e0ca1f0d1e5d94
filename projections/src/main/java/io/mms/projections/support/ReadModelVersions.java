package io.mms.projections.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which version of its collections each read model serves from. A rebuild writes a new
 * version beside the live one; switching to it is one write here, which every process that
 * reads or writes the read model sees within {@link #CACHED_FOR}.
 *
 * <p>Version 0 is the collection's own name ({@code customer_profiles}), version n its name
 * with {@code _v<n>} appended. Which version is live is kept in the {@code readmodel_versions}
 * collection, one document per read model; none means version 0.
 *
 * <p>Every process caches the versions for {@link #CACHED_FOR}, so a read costs no extra round
 * trip. A switch waits that long before the read model's position moves on (see the rebuild),
 * so a client that waits for a position never reads the version it replaced.
 */
public class ReadModelVersions {

    /** How long a process keeps serving the versions it read last. */
    public static final Duration CACHED_FOR = Duration.ofMillis(500);

    static final String COLLECTION = "readmodel_versions";

    private static final String VERSION = "version";
    private static final String SWITCHED_AT = "switchedAt";

    private final MongoCollection<Document> versions;
    private final Map<String, String> readModelOfCollection = new HashMap<>();
    private final Clock clock;
    private volatile Loaded loaded;

    /**
     * @param database the read-model database itself, not a view of it
     */
    public ReadModelVersions(MongoDatabase database, List<ReadModel> readModels, Clock clock) {
        this.versions = database.getCollection(COLLECTION);
        this.clock = clock;
        readModels.forEach(readModel -> readModel.collections()
                .forEach(collection -> readModelOfCollection.put(collection.name(), readModel.processor())));
    }

    /** The name the collection has in the given version of its read model. */
    public static String nameIn(int version, ReadModelCollection collection) {
        return version == 0 ? collection.name() : collection.name() + "_v" + version;
    }

    /** Which version of the collection the name is; empty if it is none. */
    public static OptionalInt versionOf(String name, ReadModelCollection collection) {
        if (name.equals(collection.name())) {
            return OptionalInt.of(0);
        }
        Matcher versioned = Pattern.compile(Pattern.quote(collection.name()) + "_v([1-9][0-9]{0,8})").matcher(name);
        return versioned.matches() ? OptionalInt.of(Integer.parseInt(versioned.group(1))) : OptionalInt.empty();
    }

    /** Whether the name is a read-model collection's own name (its version 0), as code refers to it. */
    boolean isReadModelCollection(String name) {
        return readModelOfCollection.containsKey(name);
    }

    /** The name under which a read-model collection lives in its read model's live version. */
    String liveName(String collection) {
        int version = liveVersion(readModelOfCollection.get(collection));
        return version == 0 ? collection : collection + "_v" + version;
    }

    /** The version the read model serves from now. */
    public int liveVersion(String readModel) {
        Version live = current().versions().get(readModel);
        return live == null ? 0 : live.number();
    }

    /**
     * Makes the version the one the read model serves from. This process sees it at once,
     * others within {@link #CACHED_FOR}.
     */
    public synchronized void switchTo(String readModel, int version) {
        versions.updateOne(Filters.eq("_id", readModel),
                Updates.combine(Updates.set(VERSION, version), Updates.set(SWITCHED_AT, Date.from(clock.instant()))),
                new UpdateOptions().upsert(true));
        loaded = null;
    }

    /** When the read model last switched versions, as far as this process knows; empty if it never did. */
    public Optional<Instant> switchedAt(String readModel) {
        return Optional.ofNullable(current().versions().get(readModel)).map(Version::switchedAt);
    }

    private Loaded current() {
        Loaded known = loaded;
        return fresh(known, System.nanoTime()) ? known : reload();
    }

    private synchronized Loaded reload() {
        Loaded known = loaded;
        long now = System.nanoTime();
        if (fresh(known, now)) {
            return known;
        }
        Map<String, Version> read = new HashMap<>();
        for (Document stored : versions.find()) {
            read.put(stored.getString("_id"),
                    new Version(stored.getInteger(VERSION, 0), stored.getDate(SWITCHED_AT).toInstant()));
        }
        // Stamped with the time before the read: what it returned may be that old at most.
        loaded = new Loaded(Map.copyOf(read), now);
        return loaded;
    }

    private static boolean fresh(Loaded known, long now) {
        return known != null && now - known.loadedAt() < CACHED_FOR.toNanos();
    }

    private record Version(int number, Instant switchedAt) {
    }

    private record Loaded(Map<String, Version> versions, long loadedAt) {
    }
}
