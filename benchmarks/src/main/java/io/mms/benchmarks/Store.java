package io.mms.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.util.List;

/** The event store a benchmark run uses; read models are always in the in-process MongoDB stand-in. */
enum Store {

    /** The embedded default: an H2 file under the data directory. */
    EMBEDDED("embedded (H2 file)"),

    /** PostgreSQL 14, started in-process from Maven artifacts. */
    POSTGRES("PostgreSQL (in-process)");

    private final String label;

    Store(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Starts what the store needs besides MMS; closing it stops that again. */
    Started start() throws IOException {
        if (this == EMBEDDED) {
            return new Started(List.of(), () -> { });
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        return new Started(List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password="), postgres::close);
    }

    /** The settings MMS needs to use a started store. */
    record Started(List<String> settings, Stopper stopper) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            stopper.stop();
        }
    }

    interface Stopper {
        void stop() throws IOException;
    }
}
