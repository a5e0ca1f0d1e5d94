package io.mms.example;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mms.events.EventCatalog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A partner's consumer of the MMS event stream, as the README shows it. It needs only the JDK,
 * Jackson and the {@code events-api} jar: it follows the Server-Sent Events with the JDK's HTTP
 * client, turns each payload into the event record it is, and keeps the position of the last
 * event it handled, so that the next {@link #follow} resumes right after it.
 */
public final class StreamConsumer {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)   // fields added later
            .build();
    private final URI stream;
    private final String apiKey;
    private String lastPosition;                                          // keep it somewhere durable

    /**
     * @param baseUrl      where MMS runs, such as {@code http://localhost:8080}
     * @param apiKey       the key the operator gave you
     * @param types        the public event types to follow, comma-separated
     * @param lastPosition the position of the last event handled before, or null to start at the beginning
     */
    public StreamConsumer(String baseUrl, String apiKey, String types, String lastPosition) {
        this.stream = URI.create(baseUrl + "/api/v1/events/stream?types=" + types);
        this.apiKey = apiKey;
        this.lastPosition = lastPosition;
    }

    /** Hands each event, as its events-api record, to the handler until the handler returns false. */
    public void follow(Predicate<Object> handler) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(stream)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "text/event-stream");
        if (lastPosition != null) {
            request.header("Last-Event-ID", lastPosition);                // resume right after it
        }
        HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IOException("MMS refused the stream: " + response.statusCode());
        }
        try (Stream<String> lines = response.body()) {
            Iterator<String> sse = lines.iterator();
            boolean more = true;
            while (more && sse.hasNext()) {
                String line = sse.next();
                if (line.startsWith("data:")) {                           // skips ids, names, heartbeats
                    more = handle(json.readTree(line.substring("data:".length())), handler);
                }
            }
        }
    }

    /** The position to resume after, as it stands now. */
    public String lastPosition() {
        return lastPosition;
    }

    private boolean handle(JsonNode envelope, Predicate<Object> handler) throws IOException {
        Optional<Class<?>> type = EventCatalog.classOf(envelope.get("type").asText());
        boolean more = true;
        if (type.isPresent()) {                                           // a newer jar knows newer types
            Object event = json.treeToValue(envelope.get("payload"), type.get());   // e.g. CustomerRegistered
            more = handler.test(event);
        }
        lastPosition = envelope.get("position").asText();
        return more;
    }
}
