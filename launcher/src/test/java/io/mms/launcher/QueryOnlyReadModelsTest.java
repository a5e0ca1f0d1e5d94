package io.mms.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.graphql.ResponseError;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process without the projections side still reports the read models from their database,
 * says clearly that it cannot retry their dead letters, and takes requests for rebuilds, which
 * the projections side carries out wherever it runs.
 */
class QueryOnlyReadModelsTest {

    @TempDir
    static Path dataDirectory;

    private static RunningMms mms;

    @BeforeAll
    static void start() {
        mms = RunningMms.start(dataDirectory, "--mms.sides.projections=false");
    }

    @AfterAll
    static void stop() {
        mms.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void readModelsAreReportedButNotProcessedHere() {
        List<Map<String, Object>> readModels = mms.graphQl().documentName("readModels").execute()
                .path("readModels").entity(List.class).get();

        assertThat(readModels).isNotEmpty().allSatisfy(model -> assertThat(model)
                .containsEntry("state", "NOT_STARTED")
                .containsEntry("processedHere", false));
    }

    @Test
    void retryingDeadLettersIsRefusedWhereNoProcessorRuns() {
        ResponseError error = ReadModelsApiTest.singleError(mms.graphQl().documentName("retryDeadLetters")
                .variable("readModel", "customer-profiles"));

        assertThat(error.getExtensions()).containsEntry("code", "PROCESSOR_ELSEWHERE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRebuildAskedForHereIsStoredForTheProjectionsSideToCarryOut() {
        mms.graphQl().documentName("rebuildReadModel").variable("readModel", "campaign-summaries").execute()
                .path("rebuildReadModel.rebuild.state").entity(String.class).isEqualTo("REQUESTED");

        List<Map<String, Object>> readModels = mms.graphQl().documentName("readModelRebuilds").execute()
                .path("readModels").entity(List.class).get();
        assertThat(readModels).filteredOn(model -> "campaign-summaries".equals(model.get("name")))
                .singleElement().extracting(model -> ((Map<String, Object>) model.get("rebuild")).get("state"))
                .isEqualTo("REQUESTED");
    }
}
