package io.mms.projections.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Prepares the read-model collections at start-up. Against a {@code mongos} the database and
 * every collection are sharded by their declared key (hashed); against a single server only
 * the indexes are created. Given a view of the database ({@link VersionedCollections}), it
 * prepares the collections of the version the view shows.
 */
public class ReadModelSchema {

    private static final Logger log = LoggerFactory.getLogger(ReadModelSchema.class);

    private final MongoClient client;
    private final MongoDatabase database;

    public ReadModelSchema(MongoClient client, MongoDatabase database) {
        this.client = client;
        this.database = database;
    }

    public void prepare(List<ReadModel> readModels) {
        boolean sharded = isMongos();
        if (sharded) {
            admin().runCommand(new Document("enableSharding", database.getName()));
        }
        for (ReadModel readModel : readModels) {
            readModel.collections().forEach(collection -> prepare(collection, sharded));
        }
        log.info("Read-model collections ready ({})", sharded ? "sharded cluster" : "single server");
    }

    private void prepare(ReadModelCollection collection, boolean sharded) {
        if (sharded) {
            // The namespace the database gives, which in a versioned view is that of the version.
            String namespace = database.getCollection(collection.name()).getNamespace().getFullName();
            admin().runCommand(new Document("shardCollection", namespace)
                    .append("key", new Document(collection.shardKey(), "hashed")));
        }
        for (Bson index : collection.indexes()) {
            database.getCollection(collection.name()).createIndex(index);
        }
    }

    private boolean isMongos() {
        Document hello = admin().runCommand(new Document("isMaster", 1));
        return "isdbgrid".equals(hello.getString("msg"));
    }

    private MongoDatabase admin() {
        return client.getDatabase("admin");
    }
}
