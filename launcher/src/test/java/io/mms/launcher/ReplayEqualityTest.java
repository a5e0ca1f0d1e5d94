package io.mms.launcher;

import com.mongodb.client.MongoDatabase;
import io.mms.projections.support.ReadModel;
import io.mms.projections.support.ReadModelState;
import io.mms.projections.support.ReadModelStatus;
import io.mms.projections.support.ReadModelStatuses;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rule 1 of the architecture, checked: replaying the whole event stream over existing read
 * models gives the very same documents, byte for byte.
 */
class ReplayEqualityTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    @TempDir
    static Path dataDirectory;

    private static RunningMms mms;

    @BeforeAll
    static void startWithHistory() {
        mms = RunningMms.start(dataDirectory);
        IntStream.range(0, 30).forEach(ReplayEqualityTest::customerWithChanges);
        IntStream.range(0, 5).forEach(ReplayEqualityTest::campaignThatRan);
    }

    @AfterAll
    static void stop() {
        mms.close();
    }

    @Test
    void replayingEveryReadModelGivesTheSameDocuments() {
        awaitAllCaughtUp();

        for (ReadModel readModel : readModels()) {
            String before = checksum(readModel);

            replay(readModel.processor());

            assertThat(checksum(readModel)).as(readModel.processor()).isEqualTo(before);
        }
    }

    private static void replay(String processorName) {
        StreamingEventProcessor processor = mms.bean(ReadModelStatuses.class).processor(processorName).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(CATCH_UP).until(() -> !processor.isReplaying());
        awaitAllCaughtUp();
    }

    private static void awaitAllCaughtUp() {
        await().atMost(CATCH_UP).untilAsserted(() -> assertThat(mms.bean(ReadModelStatuses.class).all())
                .extracting(ReadModelStatus::state).containsOnly(ReadModelState.CAUGHT_UP));
    }

    private static String checksum(ReadModel readModel) {
        return ReadModelChecksums.of(mms.bean(MongoDatabase.class), readModel);
    }

    @SuppressWarnings("unchecked")
    private static List<ReadModel> readModels() {
        return (List<ReadModel>) mms.bean("readModels", List.class);
    }

    private static void customerWithChanges(int i) {
        String id = mms.graphQl().documentName("registerCustomer")
                .variable("email", "replay-" + UUID.randomUUID() + "@example.com").variable("name", "Customer " + i)
                .execute().path("registerCustomer.customerId").entity(String.class).get();
        if (i % 3 == 0) {
            mms.graphQl().documentName("changeCustomerEmail").variable("id", id)
                    .variable("email", "moved-" + UUID.randomUUID() + "@example.com").executeAndVerify();
        }
    }

    private static void campaignThatRan(int i) {
        String id = mms.graphQl().documentName("createCampaign").variable("name", "Replay " + i)
                .variable("channel", "SMS").variable("amount", "100").variable("currency", "EUR")
                .execute().path("createCampaign.campaignId").entity(String.class).get();
        mms.graphQl().documentName("launchCampaign").variable("id", id).executeAndVerify();
        mms.graphQl().documentName("recordCampaignSpend").variable("id", id)
                .variable("amount", "12.50").variable("currency", "EUR").executeAndVerify();
    }
}
