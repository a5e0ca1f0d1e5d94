package io.mms.events.schema;

import io.mms.events.EventCatalog;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's check of the public contract: the committed schema snapshots, which the jar
 * ships, are exactly what the event classes produce, and no published revision changed
 * incompatibly. With {@code -Dmms.schemas.update=true} it first records new revisions and
 * compatible changes, and still fails on breaking ones.
 */
class EventSchemaSnapshotTest {

    static final Path SNAPSHOTS = Path.of(System.getProperty("basedir", "."),
            "src", "main", "resources", "io", "mms", "events", "schema");

    @Test
    void theCommittedSchemasAreWhatTheEventClassesProduce() {
        SchemaSnapshots snapshots = new SchemaSnapshots(SNAPSHOTS, EventCatalog.events());
        if (Boolean.getBoolean(SchemaSnapshots.UPDATE_PROPERTY)) {
            SchemaSnapshots.Outcome outcome = snapshots.update();
            outcome.written().forEach(file -> System.out.println("Recorded the schema snapshot " + file));
            assertThat(outcome.problems()).as("schema snapshots that cannot be recorded").isEmpty();
        }

        assertThat(snapshots.check()).as("the event schemas against their committed snapshots").isEmpty();
    }
}
