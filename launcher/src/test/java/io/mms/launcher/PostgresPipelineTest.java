package io.mms.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

/** The pipeline with a real PostgreSQL, started from Maven artifacts, as the shared event store. */
class PostgresPipelineTest extends PipelineContract implements CustomerContract, TimeTravelContract {

    @TempDir
    static Path dataDirectory;

    private static EmbeddedPostgres postgres;
    private static RunningMms mms;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        mms = RunningMms.start(dataDirectory,
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=");
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (mms != null) {
                mms.close();
            }
        } finally {
            postgres.close();
        }
    }

    @Override
    public RunningMms mms() {
        return mms;
    }
}
