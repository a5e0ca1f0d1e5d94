package io.mms.events.schema;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.mms.events.EventCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The committed schema snapshots, one file per event type and revision, compared with what the
 * event classes produce now. The snapshots are what the jar ships and what partners were given,
 * so the current revision's snapshot must be exactly what its class produces, and every earlier
 * revision's snapshot must still be there.
 *
 * <p>A difference is either compatible (see {@link SchemaCompatibility}), and then
 * {@link #update()} records it, or breaking, and then no update records it: the event needs a
 * new revision, whose schema is a new snapshot beside the old one.
 */
final class SchemaSnapshots {

    /** Surefire passes this property on from Maven's command line. */
    static final String UPDATE_PROPERTY = "mms.schemas.update";
    static final String UPDATE_HINT = "record it with ./mvnw -pl events-api test -Dtest=EventSchemaSnapshotTest -D"
            + UPDATE_PROPERTY + "=true and commit the snapshot";

    private static final Pattern SNAPSHOT_FILE = Pattern.compile("[1-9][0-9]*\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private final Path directory;
    private final List<Class<?>> events;
    private final EventSchemaGenerator generator = new EventSchemaGenerator();

    SchemaSnapshots(Path directory, List<Class<?>> events) {
        this.directory = directory;
        this.events = events;
    }

    /** What is wrong with the snapshots; empty when they match the event classes. */
    List<String> check() {
        return compare(false).problems();
    }

    /**
     * Writes the snapshots of new revisions and of compatible changes, and answers what it could
     * not write: breaking changes, missing earlier revisions, snapshots of unknown events.
     */
    Outcome update() {
        return compare(true);
    }

    private Outcome compare(boolean write) {
        List<String> problems = new ArrayList<>(strays());
        List<String> written = new ArrayList<>();
        for (Class<?> event : events) {
            EventSchema schema = new EventSchema(EventCatalog.typeOf(event), EventCatalog.revisionOf(event));
            problems.addAll(missingEarlierRevisions(schema));
            JsonNode generated = generator.generate(event);
            Path file = directory.resolve(schema.resource());
            Difference difference = Files.exists(file) ? difference(schema, read(file), generated) : added(schema);
            if (difference == null) {
                continue;
            }
            if (write && !difference.breaking()) {
                write(file, generated);
                written.add(schema.resource());
            } else {
                problems.add(difference.message());
            }
        }
        return new Outcome(problems, written);
    }

    private static Difference difference(EventSchema schema, JsonNode published, JsonNode generated) {
        if (published.equals(generated)) {
            return null;
        }
        String name = schema.type() + " revision " + schema.revision();
        List<String> breaking = SchemaCompatibility.breakingChanges(published, generated);
        if (breaking.isEmpty()) {
            return new Difference(name + " changed compatibly; " + UPDATE_HINT, false);
        }
        return new Difference(name + " changed incompatibly: " + String.join("; ", breaking)
                + ". Keep revision " + schema.revision() + " as published: raise @PublicEvent(revision) of "
                + schema.type() + " to " + (schema.revision() + 1) + " and add an upcaster from revision "
                + schema.revision() + ".", true);
    }

    private static Difference added(EventSchema schema) {
        return new Difference(schema.type() + " revision " + schema.revision() + " has no snapshot yet; "
                + UPDATE_HINT, false);
    }

    private List<String> missingEarlierRevisions(EventSchema current) {
        List<String> problems = new ArrayList<>();
        for (int revision = 1; revision < current.revision(); revision++) {
            EventSchema earlier = new EventSchema(current.type(), revision);
            if (!Files.exists(directory.resolve(earlier.resource()))) {
                problems.add(current.type() + " revision " + revision + " has no snapshot: every published"
                        + " revision keeps its schema, since events stored under it still exist");
            }
        }
        return problems;
    }

    /** Snapshots that belong to no event, or to a revision beyond the event's current one. */
    private List<String> strays() {
        Set<String> types = events.stream().map(EventCatalog::typeOf).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (Path typeDirectory : list(directory)) {
            String type = typeDirectory.getFileName().toString();
            if (!Files.isDirectory(typeDirectory)) {
                continue;
            }
            if (!types.contains(type)) {
                problems.add("snapshots of '" + type + "' belong to no public event");
                continue;
            }
            int current = revisionOf(type);
            for (Path file : list(typeDirectory)) {
                String name = file.getFileName().toString();
                if (!SNAPSHOT_FILE.matcher(name).matches()
                        || Integer.parseInt(name.substring(0, name.indexOf('.'))) > current) {
                    problems.add(type + "/" + name + " is no snapshot of a revision up to the current "
                            + current);
                }
            }
        }
        return problems;
    }

    private int revisionOf(String type) {
        return events.stream().filter(event -> EventCatalog.typeOf(event).equals(type))
                .mapToInt(EventCatalog::revisionOf).max().orElseThrow();
    }

    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static void write(Path file, JsonNode schema) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, PRETTY.writeValueAsString(schema) + "\n");
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    private record Difference(String message, boolean breaking) {
    }

    /**
     * What an update did.
     *
     * @param problems what it could not record, with the reason
     * @param written  the snapshots it wrote, relative to the snapshot folder
     */
    record Outcome(List<String> problems, List<String> written) {
    }
}
