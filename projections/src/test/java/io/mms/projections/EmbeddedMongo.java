package io.mms.projections;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.mms.projections.support.ReadModelSchema;


/**
 * A MongoDB wire-protocol server inside the test JVM, on a free local port, and a client
 * connected to it. Closing it stops both, so no server or port outlives a test.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;

    public EmbeddedMongo(CommandListener... listeners) {
        server.bind("127.0.0.1", 0);
        try {
            client = MongoClients.create(settings(server.getLocalAddress().getPort(), listeners));
        } catch (RuntimeException failed) {
            server.shutdownNow();
            throw failed;
        }
    }

    /** The read-model database, prepared as at start-up with the indexes of every read model. */
    public MongoDatabase readModelDatabase() {
        MongoDatabase database = client.getDatabase("mms");
        new ReadModelSchema(client, database).prepare(ReadModelStoreConfiguration.READ_MODELS);
        return database;
    }

    public MongoClient client() {
        return client;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            server.shutdownNow();
        }
    }

    private static MongoClientSettings settings(int port, CommandListener... listeners) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port));
        for (CommandListener listener : listeners) {
            settings.addCommandListener(listener);
        }
        return settings.build();
    }
}
