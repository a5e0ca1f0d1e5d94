package io.mms.launcher;

import com.mongodb.client.MongoDatabase;
import io.mms.projections.customer.CustomerProfiles;
import io.mms.projections.support.ReadModelState;
import io.mms.projections.support.ReadModelStatus;
import io.mms.projections.support.ReadModelStatuses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild outlives the application: killed in the middle of a rebuild, MMS starts again,
 * continues the rebuild where it stopped, and switches to documents equal to live processing's.
 */
class ReadModelRebuildResumeTest {

    private static final int CUSTOMERS = 100;
    /** Rebuilds go slowly enough to be caught in the middle: 200 events take ten seconds. */
    private static final String[] THROTTLED = {
            "--mms.projections.rebuild.max-events-per-second=20",
            "--mms.projections.rebuild.log-interval=1s",
            "--mms.projections.batch-size=5"};
    /**
     * How far a rebuild may fall back when killed: the read-model stand-in writes its file
     * about once a second, so a kill loses the last second of tokens (and the documents with them).
     */
    private static final long LOST_AT_MOST = 40;
    private static final Duration REBUILD = Duration.ofMinutes(2);

    @TempDir
    Path dataDirectory;

    @TempDir
    Path outputDirectory;

    @Test
    void aRebuildContinuesWhereItStoppedAfterTheApplicationWasKilled() throws Exception {
        List<String> personalData = new ArrayList<>();
        String live;
        try (RunningMms first = RunningMms.start(dataDirectory)) {
            for (int i = 0; i < CUSTOMERS; i++) {
                personalData.addAll(customerWithATag(first.graphQl(), i));
            }
            awaitAllCaughtUp(first);
            live = checksum(first);
        }

        long reachedBeforeKill;
        String output;
        try (MmsProcess doomed = MmsProcess.start(dataDirectory, outputDirectory.resolve("mms.log"), THROTTLED)) {
            doomed.graphQl().documentName("rebuildReadModel").variable("readModel", CustomerProfiles.PROCESSOR)
                    .executeAndVerify();
            Map<String, Object> halfway = awaitRebuild(doomed.graphQl(), rebuild ->
                    "RUNNING".equals(rebuild.get("state")) && position(rebuild) >= CUSTOMERS
                            && rebuild.get("estimatedSecondsLeft") != null);
            assertThat(((Number) halfway.get("eventsPerSecond")).doubleValue()).isPositive();
            reachedBeforeKill = position(halfway);
            doomed.kill();
            output = doomed.output();
        }
        assertThat(output).contains("Rebuild of customer-profiles: position");
        assertThat(personalData).allSatisfy(value -> assertThat(output).doesNotContain(value));

        try (RunningMms second = RunningMms.start(dataDirectory, THROTTLED)) {
            Map<String, Object> resumed = rebuildOf(second.graphQl());
            assertThat(resumed.get("state")).isEqualTo("RUNNING");
            assertThat(position(resumed)).isGreaterThanOrEqualTo(reachedBeforeKill - LOST_AT_MOST);

            awaitRebuild(second.graphQl(), rebuild -> "COMPLETED".equals(rebuild.get("state")));
            awaitAllCaughtUp(second);
            assertThat(checksum(second)).isEqualTo(live);
        }
    }

    private static Map<String, Object> awaitRebuild(GraphQlTester graphQl, Predicate<Map<String, Object>> condition) {
        return await().atMost(REBUILD).until(() -> rebuildOf(graphQl), condition);
    }

    /** The rebuild of customer-profiles as the readModels query tells it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> rebuildOf(GraphQlTester graphQl) {
        List<Map<String, Object>> readModels = graphQl.documentName("readModelRebuilds").execute()
                .path("readModels").entity(List.class).get();
        return readModels.stream().filter(readModel -> CustomerProfiles.PROCESSOR.equals(readModel.get("name")))
                .map(readModel -> (Map<String, Object>) readModel.get("rebuild"))
                .findFirst().orElseThrow();
    }

    private static long position(Map<String, Object> rebuild) {
        return ((Number) rebuild.get("position")).longValue();
    }

    private static void awaitAllCaughtUp(RunningMms mms) {
        await().atMost(REBUILD).untilAsserted(() -> assertThat(mms.bean(ReadModelStatuses.class).all())
                .extracting(ReadModelStatus::state).containsOnly(ReadModelState.CAUGHT_UP));
    }

    private static String checksum(RunningMms mms) {
        return ReadModelChecksums.of(mms.bean(MongoDatabase.class), CustomerProfiles.READ_MODEL);
    }

    /** Registers a customer and tags them; returns their email and name, which must never reach a log. */
    private static List<String> customerWithATag(GraphQlTester graphQl, int i) {
        String email = "resume-" + UUID.randomUUID() + "@example.com";
        String name = "Resumed Customer " + i;
        String id = graphQl.documentName("registerCustomer").variable("email", email).variable("name", name)
                .execute().path("registerCustomer.customerId").entity(String.class).get();
        graphQl.documentName("addCustomerTag").variable("id", id).variable("tag", "loyal").executeAndVerify();
        return List.of(email, name);
    }
}
