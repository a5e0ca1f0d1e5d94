package io.mms.launcher;

import com.mongodb.client.MongoDatabase;
import io.mms.projections.customer.CustomerProfiles;
import io.mms.projections.support.ReadModel;
import io.mms.projections.support.ReadModelState;
import io.mms.projections.support.ReadModelStatus;
import io.mms.projections.support.ReadModelStatuses;
import io.mms.projections.support.ReadModelVersions;
import io.mms.projections.timeline.CustomerTimeline;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static io.mms.launcher.GraphQlErrors.singleError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding a read model beside the live one: the rebuilt documents are those of live
 * processing, queries are answered all the while, and live processing goes on from where the
 * rebuild got to. Rebuilds are held to 30 events a second, so that each takes a few seconds.
 */
class ReadModelRebuildTest {

    private static final Duration REBUILD = Duration.ofSeconds(90);
    private static final int CUSTOMERS = 40;

    @TempDir
    static Path dataDirectory;

    private static RunningMms mms;
    private static final Map<String, String> namesById = new ConcurrentHashMap<>();

    @BeforeAll
    static void startWithHistory() {
        mms = RunningMms.start(dataDirectory,
                "--mms.projections.rebuild.max-events-per-second=30",
                "--mms.projections.rebuild.poll-interval=250ms",
                "--mms.projections.rebuild.retired-after=1s");
        IntStream.range(0, CUSTOMERS).forEach(ReadModelRebuildTest::customerWithChanges);
        IntStream.range(0, 3).forEach(ReadModelRebuildTest::campaignThatRan);
    }

    @AfterAll
    static void stop() {
        mms.close();
    }

    @Test
    void rebuildingEveryReadModelGivesTheDocumentsOfLiveProcessing() {
        awaitAllCaughtUp();
        Map<String, String> live = new LinkedHashMap<>();
        Map<String, Integer> versions = new LinkedHashMap<>();
        for (ReadModel readModel : readModels()) {
            live.put(readModel.processor(), checksum(readModel));
            versions.put(readModel.processor(), liveVersion(readModel));
            rebuild(readModel.processor()).execute().path("rebuildReadModel.rebuild.state").entity(String.class)
                    .isEqualTo("REQUESTED");
        }

        await().atMost(REBUILD).untilAsserted(() -> assertThat(rebuildStates().values()).containsOnly("COMPLETED"));

        for (ReadModel readModel : readModels()) {
            assertThat(checksum(readModel)).as(readModel.processor()).isEqualTo(live.get(readModel.processor()));
            assertThat(liveVersion(readModel)).isEqualTo(versions.get(readModel.processor()) + 1);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(collectionNames())
                .doesNotContainAnyElementsOf(versionNames(versions)));
    }

    @Test
    void queriesAreAnsweredThroughoutARebuildAndLiveProcessingGoesOnFromIt() throws Exception {
        awaitAllCaughtUp();
        AtomicReference<String> phase = new AtomicReference<>("REQUESTED");
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        List<String> wrongAnswers = new CopyOnWriteArrayList<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> reader = pool.submit(() -> readWhile(reading, phase, answers, wrongAnswers));

            rebuild(CustomerProfiles.PROCESSOR).executeAndVerify();
            await().atMost(REBUILD).until(() -> "RUNNING".equals(rebuildStates().get(CustomerProfiles.PROCESSOR)));
            phase.set("RUNNING");
            Map<String, Long> duringRebuild = registerCustomers(3);
            await().atMost(REBUILD).until(() -> "COMPLETED".equals(rebuildStates().get(CustomerProfiles.PROCESSOR)));
            phase.set("COMPLETED");
            await().atMost(Duration.ofSeconds(30)).until(() -> answered(answers, "COMPLETED") >= 10);

            reading.set(false);
            reader.get(30, TimeUnit.SECONDS);
            assertThat(wrongAnswers).isEmpty();
            assertThat(answered(answers, "RUNNING")).isPositive();
            duringRebuild.forEach(ReadModelRebuildTest::isVisibleAtItsPosition);
            registerCustomers(1).forEach(ReadModelRebuildTest::isVisibleAtItsPosition);
        } finally {
            reading.set(false);
            pool.shutdownNow();
        }
        assertRebuiltEqualsAFullReplay(CustomerProfiles.READ_MODEL);
    }

    @Test
    void aSecondRebuildIsAConflictAndACancelledOneLeavesTheLiveVersionAsItWas() {
        awaitAllCaughtUp();
        String timeline = CustomerTimeline.PROCESSOR;
        String before = checksum(CustomerTimeline.READ_MODEL);
        int version = liveVersion(CustomerTimeline.READ_MODEL);

        rebuild(timeline).executeAndVerify();
        ResponseError second = singleError(rebuild(timeline));
        cancel(timeline).execute().path("cancelReadModelRebuild.rebuild.state").entity(String.class)
                .isEqualTo("CANCELLING");

        assertThat(second.getExtensions()).containsEntry("code", "CONFLICT");
        assertThat(second.getMessage()).contains("customer-timeline");
        await().atMost(REBUILD).until(() -> "CANCELLED".equals(rebuildStates().get(timeline)));
        assertThat(liveVersion(CustomerTimeline.READ_MODEL)).isEqualTo(version);
        assertThat(checksum(CustomerTimeline.READ_MODEL)).isEqualTo(before);
        assertThat(collectionNames()).doesNotContain(
                ReadModelVersions.nameIn(version + 1, CustomerTimeline.COLLECTION));
        assertThat(singleError(cancel(timeline)).getExtensions()).containsEntry("code", "CONFLICT");
    }

    @Test
    void rebuildingAReadModelMmsDoesNotKeepIsNotFoundAndNamesTheOnesItKeeps() {
        ResponseError error = singleError(rebuild("customer_profiles"));

        assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND");
        assertThat(error.getMessage()).contains("'customer_profiles'", "customer-profiles", "segment-membership");
    }

    /** Reads the known customers one by one and as a page until told to stop, noting every wrong answer. */
    private static void readWhile(AtomicBoolean reading, AtomicReference<String> phase,
                                  Map<String, AtomicInteger> answers, List<String> wrongAnswers) {
        List<String> ids = new ArrayList<>(namesById.keySet());
        for (int i = 0; reading.get(); i++) {
            String id = ids.get(i % ids.size());
            String seenAs = phase.get();
            try {
                mms.graphQl().documentName("customer").variable("id", id).execute()
                        .path("customer.name").entity(String.class).isEqualTo(namesById.get(id));
                List<String> page = mms.graphQl().documentName("customers").variable("first", 100).execute()
                        .path("customers.edges[*].node.id").entityList(String.class).get();
                assertThat(page).containsAll(ids);
                answers.computeIfAbsent(seenAs, key -> new AtomicInteger()).incrementAndGet();
            } catch (AssertionError | RuntimeException wrong) {
                wrongAnswers.add(seenAs + ": " + wrong.getMessage());
            }
        }
    }

    private static int answered(Map<String, AtomicInteger> answers, String phase) {
        return answers.getOrDefault(phase, new AtomicInteger()).get();
    }

    /** Rule 1 once more: what the rebuild and live processing after it produced is what a full replay produces. */
    private static void assertRebuiltEqualsAFullReplay(ReadModel readModel) {
        awaitAllCaughtUp();
        String rebuilt = checksum(readModel);
        StreamingEventProcessor processor = mms.bean(ReadModelStatuses.class).processor(readModel.processor())
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(REBUILD).until(() -> !processor.isReplaying());
        awaitAllCaughtUp();

        assertThat(checksum(readModel)).isEqualTo(rebuilt);
    }

    private static void isVisibleAtItsPosition(String id, long position) {
        mms.graphQl().documentName("customerAtLeast").variable("id", id).variable("atLeast", position).execute()
                .path("customer.name").entity(String.class).isEqualTo(namesById.get(id));
    }

    private static Map<String, Long> registerCustomers(int count) {
        Map<String, Long> registered = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = "Newcomer " + UUID.randomUUID();
            GraphQlTester.Response response = mms.graphQl().documentName("registerCustomerAt")
                    .variable("email", "rebuild-" + UUID.randomUUID() + "@example.com").variable("name", name)
                    .execute();
            String id = response.path("registerCustomer.customerId").entity(String.class).get();
            namesById.put(id, name);
            registered.put(id, response.path("registerCustomer.position").entity(Long.class).get());
        }
        return registered;
    }

    private static GraphQlTester.Request<?> rebuild(String readModel) {
        return mms.graphQl().documentName("rebuildReadModel").variable("readModel", readModel);
    }

    private static GraphQlTester.Request<?> cancel(String readModel) {
        return mms.graphQl().documentName("cancelReadModelRebuild").variable("readModel", readModel);
    }

    /** The state of each read model's current or latest rebuild, as the readModels query tells it. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> rebuildStates() {
        List<Map<String, Object>> readModels = mms.graphQl().documentName("readModelRebuilds").execute()
                .path("readModels").entity(List.class).get();
        Map<String, String> states = new LinkedHashMap<>();
        for (Map<String, Object> readModel : readModels) {
            Map<String, Object> rebuild = (Map<String, Object>) readModel.get("rebuild");
            states.put((String) readModel.get("name"), rebuild == null ? null : (String) rebuild.get("state"));
        }
        return states;
    }

    private static void awaitAllCaughtUp() {
        await().atMost(REBUILD).untilAsserted(() -> assertThat(mms.bean(ReadModelStatuses.class).all())
                .extracting(ReadModelStatus::state).containsOnly(ReadModelState.CAUGHT_UP));
    }

    private static String checksum(ReadModel readModel) {
        return ReadModelChecksums.of(mms.bean(MongoDatabase.class), readModel);
    }

    private static int liveVersion(ReadModel readModel) {
        return mms.bean(ReadModelVersions.class).liveVersion(readModel.processor());
    }

    private static List<String> versionNames(Map<String, Integer> versions) {
        List<String> names = new ArrayList<>();
        for (ReadModel readModel : readModels()) {
            readModel.collections().forEach(collection ->
                    names.add(ReadModelVersions.nameIn(versions.get(readModel.processor()), collection)));
        }
        return names;
    }

    private static List<String> collectionNames() {
        return mms.bean(MongoDatabase.class).listCollectionNames().into(new ArrayList<>());
    }

    @SuppressWarnings("unchecked")
    private static List<ReadModel> readModels() {
        return (List<ReadModel>) mms.bean("readModels", List.class);
    }

    private static void customerWithChanges(int i) {
        String name = "Customer " + i;
        String id = mms.graphQl().documentName("registerCustomer")
                .variable("email", "rebuild-" + UUID.randomUUID() + "@example.com").variable("name", name)
                .execute().path("registerCustomer.customerId").entity(String.class).get();
        namesById.put(id, name);
        if (i % 2 == 0) {
            mms.graphQl().documentName("addCustomerTag").variable("id", id).variable("tag", "vip")
                    .executeAndVerify();
        }
        if (i % 3 == 0) {
            mms.graphQl().documentName("changeCustomerEmail").variable("id", id)
                    .variable("email", "moved-" + UUID.randomUUID() + "@example.com").executeAndVerify();
        }
    }

    private static void campaignThatRan(int i) {
        String id = mms.graphQl().documentName("createCampaign").variable("name", "Rebuild " + i)
                .variable("channel", "SMS").variable("amount", "100").variable("currency", "EUR")
                .execute().path("createCampaign.campaignId").entity(String.class).get();
        mms.graphQl().documentName("launchCampaign").variable("id", id).executeAndVerify();
        mms.graphQl().documentName("recordCampaignSpend").variable("id", id)
                .variable("amount", "12.50").variable("currency", "EUR").executeAndVerify();
    }
}
