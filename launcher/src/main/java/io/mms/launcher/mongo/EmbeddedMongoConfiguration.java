package io.mms.launcher.mongo;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * With no {@code mms.mongo.uri}, the read models live in an in-process MongoDB wire-protocol
 * server (mongo-java-server) backed by a file under the data directory, so they survive a
 * restart. It stands in for MongoDB on a machine where none is installed; production points
 * {@code mms.mongo.uri} at a real cluster.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${mms.mongo.uri:}'.isBlank()")
class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(@Value("${mms.data-dir}") Path dataDirectory,
                                    @Value("${mms.mongo.embedded-cache}") DataSize cache) throws IOException {
        Files.createDirectories(dataDirectory);
        Path file = dataDirectory.resolve("readmodels.mv.db");
        MongoServer server = new MongoServer(new IndexedH2Backend(file.toString(), cache));
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        log.info("No mms.mongo.uri given: read models are kept by an in-process MongoDB stand-in in {} (port {})",
                file, address.getPort());
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnection(MongoServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        ConnectionString uri = new ConnectionString("mongodb://127.0.0.1:" + address.getPort());
        return () -> uri;
    }
}
