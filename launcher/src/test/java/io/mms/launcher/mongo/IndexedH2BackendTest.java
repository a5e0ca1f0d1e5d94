package io.mms.launcher.mongo;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexedH2BackendTest {

    private static final DataSize CACHE = DataSize.ofMegabytes(16);

    @TempDir
    Path directory;

    @Test
    void guardedUpdatesByIdMatchExactlyWhatTheWholeFilterSays() {
        withCollection(new IndexedH2Backend(file(), CACHE), profiles -> {
            IntStream.range(0, 50).forEach(i -> profiles.insertOne(new Document("_id", "c" + i).append("position", 5L)));

            long applied = profiles.updateOne(Filters.and(Filters.eq("_id", "c7"), Filters.lt("position", 9L)),
                    Updates.set("position", 9L)).getModifiedCount();
            long stale = profiles.updateOne(Filters.and(Filters.eq("_id", "c8"), Filters.lt("position", 3L)),
                    Updates.set("position", 3L)).getMatchedCount();
            long missing = profiles.updateOne(Filters.and(Filters.eq("_id", "nobody"), Filters.lt("position", 9L)),
                    Updates.set("position", 9L)).getMatchedCount();

            assertThat(applied).isEqualTo(1);
            assertThat(stale).isZero();
            assertThat(missing).isZero();
            assertThat(profiles.find(Filters.eq("_id", "c7")).first()).containsEntry("position", 9L);
            assertThat(profiles.find(Filters.eq("_id", "c8")).first()).containsEntry("position", 5L);
            assertThat(profiles.countDocuments(Filters.eq("position", 5L))).isEqualTo(49);
            assertThat(profiles.countDocuments(new Document("_id", "c9").append("position", new Document("$lt", 6L))))
                    .isEqualTo(1);
            assertThat(profiles.countDocuments(new Document("_id", "c9").append("position", new Document("$lt", 5L))))
                    .isZero();
        });
    }

    @Test
    void filtersWithoutASingleIdStillScanTheCollection() {
        withCollection(new IndexedH2Backend(file(), CACHE), profiles -> {
            IntStream.range(0, 10).forEach(i -> profiles.insertOne(new Document("_id", "c" + i).append("n", i)));

            assertThat(profiles.countDocuments(Filters.and(Filters.in("_id", "c1", "c2", "c3"), Filters.gt("n", 1))))
                    .isEqualTo(2);
            assertThat(profiles.countDocuments(Filters.and(Filters.regex("_id", "^c[0-4]$"), Filters.lt("n", 3))))
                    .isEqualTo(3);
        });
    }

    @Test
    void readsWhatThePlainStandInWroteToTheSameFile() {
        withCollection(new H2Backend(file()), profiles -> profiles.insertOne(new Document("_id", "c1").append("n", 1)));

        withCollection(new IndexedH2Backend(file(), CACHE), profiles -> {
            assertThat(profiles.find(Filters.and(Filters.eq("_id", "c1"), Filters.eq("n", 1))).first()).isNotNull();
            assertThat(profiles.countDocuments()).isEqualTo(1);
        });
    }

    @Test
    void uniqueIndexesRejectDuplicatesBeforeAndAfterTheFileIsOpenedAgain() {
        withCollection(new IndexedH2Backend(file(), CACHE), customers -> {
            customers.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            customers.insertOne(new Document("_id", "c1").append("email", "ann@example.com"));

            assertThatThrownBy(() -> customers.insertOne(new Document("_id", "c1").append("email", "bob@example.com")))
                    .isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> customers.insertOne(new Document("_id", "c2").append("email", "ann@example.com")))
                    .isInstanceOf(MongoWriteException.class);
        });

        withCollection(new IndexedH2Backend(file(), CACHE), customers -> {
            assertThat(customers.find(Filters.eq("_id", "c1")).first()).containsEntry("email", "ann@example.com");
            assertThatThrownBy(() -> customers.insertOne(new Document("_id", "c3").append("email", "ann@example.com")))
                    .isInstanceOf(MongoWriteException.class);
            customers.updateOne(Filters.eq("_id", "c1"), Updates.set("email", "ann@example.org"));
            customers.insertOne(new Document("_id", "c3").append("email", "ann@example.com"));
            assertThat(customers.countDocuments()).isEqualTo(2);
        });
    }

    @Test
    void aDroppedCollectionCanBeCreatedAgain() {
        withCollection(new IndexedH2Backend(file(), CACHE), profiles -> {
            profiles.insertOne(new Document("_id", "c1"));
            profiles.drop();
            profiles.insertOne(new Document("_id", "c1"));

            assertThat(profiles.countDocuments()).isEqualTo(1);
        });
    }

    @Test
    void pagesSortedLikeACompoundIndexComeOutAsTheStandInsOwnSortGivesThem() {
        withDatabase(new IndexedH2Backend(file(), CACHE), database -> {
            MongoCollection<Document> indexed = database.getCollection("indexed");
            MongoCollection<Document> plain = database.getCollection("plain");
            indexed.createIndex(Indexes.ascending("registeredAt", "_id"));
            Random random = new Random(7);
            for (int i = 0; i < 300; i++) {
                Document document = new Document("_id", "c" + random.nextInt(1_000_000)).append("tag", "t" + i % 3);
                if (i % 10 != 0) {
                    document.append("registeredAt", random.nextInt(40));
                }
                indexed.replaceOne(Filters.eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
                plain.replaceOne(Filters.eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
            }
            indexed.updateMany(Filters.eq("tag", "t1"), Updates.inc("registeredAt", 5));
            plain.updateMany(Filters.eq("tag", "t1"), Updates.inc("registeredAt", 5));

            assertSameListings(indexed, plain);
        });
    }

    @Test
    void anOrderedIndexIsRebuiltWhenTheFileIsOpenedAgainAndStepsAsideForArrays() {
        withDatabase(new IndexedH2Backend(file(), CACHE), database -> {
            database.getCollection("indexed").createIndex(Indexes.ascending("registeredAt", "_id"));
            IntStream.range(0, 50).forEach(i -> {
                Document document = new Document("_id", "c" + i).append("registeredAt", (i * 7) % 20)
                        .append("tag", "t" + i % 3);
                database.getCollection("indexed").insertOne(document);
                database.getCollection("plain").insertOne(document);
            });
        });

        withDatabase(new IndexedH2Backend(file(), CACHE), database -> {
            assertSameListings(database.getCollection("indexed"), database.getCollection("plain"));

            for (String name : List.of("indexed", "plain")) {
                database.getCollection(name).updateOne(Filters.eq("_id", "c3"), Updates.set("registeredAt", List.of(20, 1)));
            }
            assertSameListings(database.getCollection("indexed"), database.getCollection("plain"));
        });
    }

    private static void assertSameListings(MongoCollection<Document> indexed, MongoCollection<Document> plain) {
        List<Bson> filters = List.of(new Document(), Filters.eq("tag", "t2"),
                Filters.or(Filters.gt("registeredAt", 12), Filters.and(Filters.eq("registeredAt", 12),
                        Filters.gt("_id", "c5"))));
        for (Bson filter : filters) {
            for (Bson sort : List.of(Sorts.ascending("registeredAt", "_id"), Sorts.descending("registeredAt", "_id"))) {
                for (int skip : List.of(0, 7)) {
                    assertThat(ids(indexed.find(filter).sort(sort).skip(skip).limit(21)))
                            .as("%s sorted %s from %d", filter, sort, skip)
                            .isNotEmpty()
                            .containsExactlyElementsOf(ids(plain.find(filter).sort(sort).skip(skip).limit(21)));
                }
            }
        }
    }

    private static List<Object> ids(FindIterable<Document> found) {
        return found.map(document -> document.get("_id")).into(new ArrayList<>());
    }

    @Test
    void theFileIsOpenedWithTheConfiguredPageCache() {
        IndexedH2Backend backend = new IndexedH2Backend(file(), DataSize.ofMegabytes(300));
        try {
            assertThat(backend.getMvStore().getCacheSize()).isEqualTo(300);
        } finally {
            backend.close();
        }
    }

    private String file() {
        return directory.resolve("readmodels.mv.db").toString();
    }

    private static void withCollection(MongoBackend backend, Consumer<MongoCollection<Document>> use) {
        withDatabase(backend, database -> use.accept(database.getCollection("profiles")));
    }

    private static void withDatabase(MongoBackend backend, Consumer<MongoDatabase> use) {
        MongoServer server = new MongoServer(backend);
        try {
            InetSocketAddress address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
                use.accept(client.getDatabase("mms"));
            }
        } finally {
            server.shutdownNow();
        }
    }
}
