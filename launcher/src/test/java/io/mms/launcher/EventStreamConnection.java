package io.mms.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A partner's Server-Sent Events connection to the event stream, read line by line. */
final class EventStreamConnection implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpResponse<InputStream> response;
    private final BufferedReader lines;

    private EventStreamConnection(HttpResponse<InputStream> response) {
        this.response = response;
        this.lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    /** Opens the stream; {@code lastEventId} may be null for a first connection. */
    static EventStreamConnection open(String url, String key, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + key)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new EventStreamConnection(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    int status() {
        return response.statusCode();
    }

    /** Reads events until {@code max} arrived or the server sent a heartbeat, meaning it has nothing more now. */
    List<JsonNode> read(int max) {
        List<JsonNode> events = new ArrayList<>();
        try {
            String line;
            while (events.size() < max && (line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    events.add(JSON.readTree(line.substring("data:".length())));
                } else if (line.startsWith(":heartbeat")) {
                    break;
                }
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return events;
    }

    /** Hangs up, as a partner whose connection drops. */
    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
