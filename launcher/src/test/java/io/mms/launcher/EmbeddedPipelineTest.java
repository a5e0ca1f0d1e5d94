package io.mms.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The pipeline on embedded defaults: an H2 file event store and the in-process MongoDB stand-in. */
class EmbeddedPipelineTest extends PipelineContract implements CustomerContract, TimeTravelContract {

    @TempDir
    static Path dataDirectory;

    private static RunningMms mms;

    @BeforeAll
    static void start() {
        mms = RunningMms.start(dataDirectory);
    }

    @AfterAll
    static void stop() {
        mms.close();
    }

    @Override
    public RunningMms mms() {
        return mms;
    }
}
