package io.mms.launcher;

import io.mms.command.customer.RegisterCustomer;
import io.mms.command.customer.UpdateCustomerProfile;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many partners on the stream at once, and one that stops reading: each stream is served on its
 * own, bounded, and a client that stalls is dropped without holding up the others.
 */
class PartnerStreamLoadTest {

    private static final String CROWD_KEY = "crowd-" + UUID.randomUUID();
    private static final String STALLED_KEY = "stalled-" + UUID.randomUUID();
    private static final String WATCHER_KEY = "watcher-" + UUID.randomUUID();
    private static final int CROWD = 100;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDirectory;

    private static RunningMms mms;

    @BeforeAll
    static void start() {
        mms = RunningMms.start(dataDirectory,
                "--mms.clients.crowd.api-key-sha256=" + ApiKeys.sha256(CROWD_KEY),
                "--mms.clients.crowd.scopes=events:read",
                "--mms.clients.crowd.event-types=*",
                "--mms.clients.crowd.max-streams=" + CROWD,
                "--mms.clients.stalled.api-key-sha256=" + ApiKeys.sha256(STALLED_KEY),
                "--mms.clients.stalled.scopes=events:read,personal-data",
                "--mms.clients.stalled.event-types=*",
                "--mms.clients.stalled.max-streams=1",
                "--mms.clients.watcher.api-key-sha256=" + ApiKeys.sha256(WATCHER_KEY),
                "--mms.clients.watcher.scopes=events:read",
                "--mms.clients.watcher.event-types=*",
                "--mms.stream.heartbeat=1s",
                // How long a write may block on a client that does not read before it is dropped.
                "--server.tomcat.connection-timeout=20s");
    }

    @AfterAll
    static void stop() {
        mms.close();
    }

    @Test
    void aHundredConcurrentStreamsAllReceiveTheNewEventsAndTheNextOneIsRefused() throws Exception {
        long head = latestPosition();
        List<EventStreamConnection> crowd = new ArrayList<>();
        ExecutorService readers = Executors.newFixedThreadPool(CROWD);
        try {
            for (int i = 0; i < CROWD; i++) {
                crowd.add(EventStreamConnection.open(streamUrl(), CROWD_KEY, Long.toString(head)));
            }
            assertThat(crowd).allSatisfy(stream -> assertThat(stream.status()).isEqualTo(200));
            assertThat(newStream(CROWD_KEY)).startsWith("429 ").contains("TOO_MANY_REQUESTS").contains("crowd");

            List<Long> written = registerCustomers(20, head);
            List<CompletableFuture<List<Long>>> received = crowd.stream()
                    .map(stream -> CompletableFuture.supplyAsync(() -> positions(stream, written.size()), readers))
                    .toList();

            CompletableFuture.allOf(received.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
            assertThat(received).allSatisfy(positions -> assertThat(positions.join()).isEqualTo(written));
        } finally {
            crowd.forEach(EventStreamConnection::close);
            readers.shutdownNow();
        }
    }

    /**
     * The stalled client asks for a history of 16 MB through a receive buffer of 4 KB and never
     * reads. Once the socket buffers are full (a few MB on Linux) its stream's writes block, so
     * the server reads nothing more for it; another client is served meanwhile; and once a write
     * has blocked for the connection timeout (20 s here) the stream is dropped, which frees its
     * place (it may hold one stream).
     */
    @Test
    void aStalledConsumerNeitherHoldsUpOthersNorIsKeptOn() throws Exception {
        long historyBytes = writeLargeProfiles(128, 128 * 1024);
        try (Socket stalled = stalledStream()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> newStream(STALLED_KEY).startsWith("429 "));

            long head = latestPosition();
            try (EventStreamConnection watcher = EventStreamConnection.open(streamUrl(), WATCHER_KEY,
                    Long.toString(head))) {
                List<Long> written = registerCustomers(10, head);
                assertThat(CompletableFuture.supplyAsync(() -> positions(watcher, written.size()))
                        .get(30, TimeUnit.SECONDS)).isEqualTo(written);
            }

            assertThat(newStream(STALLED_KEY)).as("the stalled stream, still blocked").startsWith("429 ");

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> newStream(STALLED_KEY).equals("200"));
            assertThat(drain(stalled)).as("bytes the dropped client still had on its way")
                    .isLessThan(historyBytes / 2);
        }
    }

    private static List<Long> positions(EventStreamConnection stream, int count) {
        List<Long> positions = new ArrayList<>();
        while (positions.size() < count) {
            stream.read(count - positions.size()).forEach(event -> positions.add(event.get("position").asLong()));
        }
        return positions;
    }

    /** Opens a stream for the client and hangs up at once: "200", or the refusal's status and body. */
    private static String newStream(String key) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(streamUrl()))
                .header("Authorization", "Bearer " + key).build();
        try {
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                return response.statusCode() == 200
                        ? "200"
                        : response.statusCode() + " " + new String(body.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** A stream request on a socket with a small receive buffer, whose answer is never read. */
    private static Socket stalledStream() throws IOException {
        URI server = URI.create(mms.url(""));
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4 * 1024);
        socket.connect(new InetSocketAddress(server.getHost(), server.getPort()));
        OutputStream request = socket.getOutputStream();
        request.write(("GET /api/v1/events/stream HTTP/1.1\r\nHost: " + server.getHost() + "\r\n"
                + "Authorization: Bearer " + STALLED_KEY + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        request.flush();
        return socket;
    }

    /** Reads what reached the socket until the server's end is gone. */
    private static long drain(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                total += read;
            }
        } catch (IOException reset) {
            // A connection dropped with data unread ends in a reset rather than an orderly close.
        }
        return total;
    }

    /** Profile updates of one customer, each carrying a large attribute; returns their size in all. */
    private static long writeLargeProfiles(int updates, int attributeSize) {
        String customerId = UUID.randomUUID().toString();
        commands().sendAndWait(new RegisterCustomer(customerId, customerId + "@example.com", "Large"));
        for (int i = 0; i < updates; i++) {
            String value = Integer.toString(i).repeat(attributeSize / Integer.toString(i).length());
            commands().sendAndWait(new UpdateCustomerProfile(customerId, null, null, null,
                    List.of(new UpdateCustomerProfile.Attribute("notes", value))));
        }
        return (long) updates * attributeSize;
    }

    private static List<Long> registerCustomers(int count, long after) {
        for (int i = 0; i < count; i++) {
            String customerId = UUID.randomUUID().toString();
            commands().sendAndWait(new RegisterCustomer(customerId, customerId + "@example.com", "Crowd"));
        }
        return mms.bean(JdbcTemplate.class).queryForList(
                "SELECT globalIndex FROM DomainEventEntry WHERE globalIndex > ? ORDER BY globalIndex",
                Long.class, after);
    }

    private static long latestPosition() {
        Long latest = mms.bean(JdbcTemplate.class).queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry",
                Long.class);
        return latest == null ? -1 : latest;
    }

    private static String streamUrl() {
        return mms.url("/api/v1/events/stream");
    }

    private static CommandGateway commands() {
        return mms.bean(CommandGateway.class);
    }

}
