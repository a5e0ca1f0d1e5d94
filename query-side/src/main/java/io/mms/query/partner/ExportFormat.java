package io.mms.query.partner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mms.events.EventEnvelope;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** How an export writes events: one JSON envelope per line, or CSV rows with the payload as JSON. */
enum ExportFormat {

    /** Newline-delimited JSON: each line one envelope, exactly as the stream delivers it. */
    NDJSON("application/x-ndjson", "ndjson") {
        @Override
        void writeStart(OutputStream out) {
            // Lines need no header.
        }

        @Override
        void write(EventEnvelope<ObjectNode> event, ObjectMapper json, OutputStream out) throws IOException {
            out.write(json.writeValueAsBytes(event));
            out.write('\n');
        }
    },

    /**
     * RFC 4180 CSV: a header row, then one row per event with the envelope's fields as columns
     * and the payload as one JSON column. Lines end in CRLF; a field holding a comma, quote or
     * line break is quoted, its quotes doubled; an absent value is an empty field.
     */
    CSV("text/csv;charset=UTF-8", "csv") {
        @Override
        void writeStart(OutputStream out) throws IOException {
            out.write(row(COLUMNS));
        }

        @Override
        void write(EventEnvelope<ObjectNode> event, ObjectMapper json, OutputStream out) throws IOException {
            out.write(row(Arrays.asList(Long.toString(event.position()), event.type(),
                    Integer.toString(event.revision()), event.aggregateId(), Long.toString(event.sequence()),
                    Objects.toString(event.time(), null), event.correlationId(), event.causationId(),
                    json.writeValueAsString(event.payload()))));
        }
    };

    /** The CSV columns, in order. */
    static final List<String> COLUMNS = List.of("position", "type", "revision", "aggregateId", "sequence",
            "time", "correlationId", "causationId", "payload");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The format named by the request, NDJSON when none is. */
    static ExportFormat named(String name) {
        if (name == null || name.isBlank()) {
            return NDJSON;
        }
        return Arrays.stream(values())
                .filter(format -> format.name().equals(name.trim().toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> ApiRefusal.invalid("'format' is ndjson or csv, not '" + name + "'"));
    }

    String contentType() {
        return contentType;
    }

    String fileName() {
        return "events." + extension;
    }

    abstract void writeStart(OutputStream out) throws IOException;

    abstract void write(EventEnvelope<ObjectNode> event, ObjectMapper json, OutputStream out) throws IOException;

    private static byte[] row(List<String> fields) {
        return fields.stream().map(ExportFormat::field).collect(Collectors.joining(",", "", "\r\n"))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quoted = value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return quoted ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
