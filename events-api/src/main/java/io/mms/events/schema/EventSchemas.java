package io.mms.events.schema;

import io.mms.events.EventCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The JSON Schemas (draft 2020-12) of the public events, shipped in this jar: one for every
 * revision of every event type, from 1 to the current one. The current revision's schema is
 * checked at build time to be what the event class produces; older ones stay as they were
 * published, since events stored under them are upcast, not rewritten.
 */
public final class EventSchemas {

    private EventSchemas() {
    }

    /** Every schema of the contract, by type name and then revision. */
    public static List<EventSchema> all() {
        return EventCatalog.events().stream()
                .sorted(Comparator.comparing(EventCatalog::typeOf))
                .flatMap(event -> IntStream.rangeClosed(1, EventCatalog.revisionOf(event))
                        .mapToObj(revision -> new EventSchema(EventCatalog.typeOf(event), revision)))
                .toList();
    }

    /** The revisions of one event type, oldest first; empty for a type the contract lacks. */
    public static List<EventSchema> revisionsOf(String type) {
        return all().stream().filter(schema -> schema.type().equals(type)).toList();
    }

    /** The schema's JSON, if the contract has that type at that revision. */
    public static Optional<String> json(String type, int revision) {
        return revisionsOf(type).stream()
                .filter(schema -> schema.revision() == revision)
                .findFirst()
                .map(EventSchemas::read);
    }

    private static String read(EventSchema schema) {
        try (InputStream in = EventSchemas.class.getResourceAsStream(schema.resource())) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the schema " + schema.resource());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
