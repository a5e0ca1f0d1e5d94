package io.mms.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/** A real HTTP client against the running MMS: GraphQL documents with variables, and plain GETs. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ASYNC_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The client's own threads. Without an executor it completes responses on new threads once
     * the common pool has a single thread (as on two cores): thousands a minute under open-loop load.
     */
    private final HttpClient client = HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "benchmark-http");
                thread.setDaemon(true);
                return thread;
            }))
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI graphQl;
    private final String base;

    Http(int port) {
        this.base = "http://localhost:" + port;
        this.graphQl = URI.create(base + "/graphql");
    }

    /** Sends the document and answers its {@code data}; a GraphQL error fails the call. */
    JsonNode graphQl(String document, Map<String, Object> variables) {
        try {
            return data(client.send(graphQlRequest(document, variables), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException("GraphQL request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Sends the document without waiting; the future fails on a GraphQL error, or when no answer
     * came within {@link #ASYNC_TIMEOUT}, so that open-loop load against an overloaded server ends.
     */
    CompletableFuture<JsonNode> graphQlAsync(String document, Map<String, Object> variables) {
        HttpRequest request = HttpRequest.newBuilder(graphQlRequest(document, variables), (name, value) -> true)
                .timeout(ASYNC_TIMEOUT).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(Http::data);
    }

    /** GETs the path and answers the body, which must be a 200. */
    String get(String path) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** GETs the path with the API key and counts the lines of the body as it arrives, keeping none. */
    long countLines(String path, String apiKey) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + apiKey).GET().build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                            + new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
                return lines(body);
            }
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static long lines(InputStream body) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long lines = 0;
        for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
        return lines;
    }

    private HttpRequest graphQlRequest(String document, Map<String, Object> variables) {
        try {
            byte[] body = JSON.writeValueAsBytes(Map.of("query", document, "variables", variables));
            return HttpRequest.newBuilder(graphQl)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a GraphQL request", e);
        }
    }

    private static JsonNode data(HttpResponse<String> response) {
        try {
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() != 200 || answer.hasNonNull("errors")) {
                throw new IllegalStateException("GraphQL answered " + response.statusCode() + ": " + answer);
            }
            return answer.get("data");
        } catch (IOException e) {
            throw new IllegalStateException("GraphQL answered something that is not JSON", e);
        }
    }
}
