package io.mms.projections.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Opens {@link ScratchSpace}s: databases on the read models' MongoDB, named after the
 * read-model database, the time they were opened and a random part
 * ({@code mms_scratch_1767225600000_5f3a9c1e}), so that several answers and several processes
 * never share one.
 */
public class ScratchSpaces {

    private static final String MARK = "_scratch_";

    private final MongoClient client;
    private final String prefix;
    private final Clock clock;

    public ScratchSpaces(MongoClient client, String readModelDatabase, Clock clock) {
        this.client = client;
        this.prefix = readModelDatabase + MARK;
        this.clock = clock;
    }

    /** A new, empty space with the indexes the collections' queries need. */
    public ScratchSpace open(List<ReadModelCollection> collections) {
        String name = prefix + clock.millis() + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
        MongoDatabase database = client.getDatabase(name);
        collections.forEach(collection -> collection.indexes()
                .forEach(index -> database.getCollection(collection.name()).createIndex(index)));
        return new ScratchSpace(database);
    }

    /**
     * Drops the spaces opened longer ago than the given age: left behind by a process that
     * stopped while it was answering. Returns their names.
     */
    public List<String> dropAbandoned(Duration age) {
        long openedBefore = clock.millis() - age.toMillis();
        List<String> dropped = new ArrayList<>();
        for (String name : client.listDatabaseNames()) {
            if (openedAt(name) < openedBefore) {
                client.getDatabase(name).drop();
                dropped.add(name);
            }
        }
        return dropped;
    }

    /** When the space of that name was opened; never for a database that is not a space. */
    private long openedAt(String name) {
        if (!name.startsWith(prefix)) {
            return Long.MAX_VALUE;
        }
        String rest = name.substring(prefix.length());
        int end = rest.indexOf('_');
        try {
            return Long.parseLong(end < 0 ? rest : rest.substring(0, end));
        } catch (NumberFormatException notASpace) {
            return Long.MAX_VALUE;
        }
    }
}
