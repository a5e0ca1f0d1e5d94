package io.mms.launcher;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * MMS started by a test as a user starts it, on a free port and its own data directory, and
 * stopped again by {@link #close()}.
 */
final class RunningMms implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningMms(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static RunningMms start(Path dataDirectory, String... settings) {
        return start(List.of(), dataDirectory, settings);
    }

    /** Starts MMS with extra configuration classes, such as a test's probes. */
    static RunningMms start(List<Class<?>> extraConfiguration, Path dataDirectory, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--mms.data-dir=" + dataDirectory,
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(settings));
        return new RunningMms(new SpringApplicationBuilder(MmsApplication.class)
                .sources(extraConfiguration.toArray(Class<?>[]::new))
                .run(args.toArray(String[]::new)));
    }

    HttpGraphQlTester graphQl() {
        return HttpGraphQlTester.create(http("/graphql"));
    }

    /** A client for the HTTP endpoints under the given path, such as a webhook. */
    WebTestClient http(String path) {
        return WebTestClient.bindToServer()
                .baseUrl(url(path))
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** A client for subscriptions over a WebSocket; stop it when done. */
    WebSocketGraphQlTester webSocketGraphQl() {
        URI endpoint = URI.create("ws://localhost:" + port() + "/graphql");
        return WebSocketGraphQlTester.builder(endpoint, new ReactorNettyWebSocketClient()).build();
    }

    /** The full address of a path on this instance. */
    String url(String path) {
        return "http://localhost:" + port() + path;
    }

    private int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** How many events the event store holds. */
    long storedEvents() {
        Long count = context.getBean(JdbcTemplate.class)
                .queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return count == null ? 0 : count;
    }

    /** The customers holding the (normalized) email address: one at most, none if it is free. */
    List<String> emailHolders(String normalizedEmail) {
        return context.getBean(JdbcTemplate.class).queryForList(
                "SELECT customerId FROM CustomerEmail WHERE email = ?", String.class, normalizedEmail);
    }

    /** How many snapshots the event store holds of the aggregate. */
    long storedSnapshots(String aggregateId) {
        Long count = context.getBean(JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", Long.class, aggregateId);
        return count == null ? 0 : count;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    @Override
    public void close() {
        context.close();
    }
}
