package io.mms.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What frontends and operators get besides the data: mutations tell the position they
 * produced, queries wait for it, read models report how current they are, and queries that
 * are too large are refused.
 */
class ReadModelsApiTest {

    private static final Duration PROJECTION_LAG = Duration.ofSeconds(20);

    @TempDir
    static Path dataDirectory;

    private static RunningMms mms;

    @BeforeAll
    static void start() {
        mms = RunningMms.start(dataDirectory, "--mms.read-your-writes.timeout=1s");
    }

    @AfterAll
    static void stop() {
        mms.close();
    }

    @Test
    void aQueryGivenTheMutationsPositionSeesTheNewCustomerAtOnce() {
        GraphQlTester.Response registered = graphQl().documentName("registerCustomerAt")
                .variable("email", "rw-" + UUID.randomUUID() + "@example.com").variable("name", "Ada Lovelace")
                .execute();
        String id = registered.path("registerCustomer.customerId").entity(String.class).get();
        long position = registered.path("registerCustomer.position").entity(Long.class).get();

        graphQl().documentName("customerAtLeast").variable("id", id).variable("atLeast", position).execute()
                .path("customer.id").entity(String.class).isEqualTo(id)
                .path("customer.name").entity(String.class).isEqualTo("Ada Lovelace");
    }

    @Test
    void aListingGivenTheMutationsPositionContainsTheNewCampaign() {
        GraphQlTester.Response created = graphQl().documentName("createCampaignAt")
                .variable("name", "Read your writes").execute();
        String id = created.path("createCampaign.campaignId").entity(String.class).get();
        long position = created.path("createCampaign.position").entity(Long.class).get();

        List<String> listed = graphQl().documentName("campaignsAtLeast").variable("atLeast", position).execute()
                .path("campaigns.edges[*].node.id").entityList(String.class).get();

        assertThat(listed).contains(id);
    }

    @Test
    void positionsGrowWithEveryChange() {
        long first = registerAndTellPosition();
        long second = registerAndTellPosition();

        assertThat(second).isGreaterThan(first);
    }

    @Test
    void aPositionTheReadModelDoesNotReachInTimeIsStale() {
        long beyond = registerAndTellPosition() + 1_000_000;

        ResponseError error = singleError(graphQl().documentName("customerAtLeast")
                .variable("id", UUID.randomUUID().toString()).variable("atLeast", beyond));

        assertThat(error.getExtensions()).containsEntry("code", "STALE");
        assertThat(error.getMessage()).contains("customer-profiles");
    }

    @Test
    void everyReadModelReportsItCaughtUpWithTheEventStore() {
        long position = registerAndTellPosition();

        await().atMost(PROJECTION_LAG).untilAsserted(() -> {
            List<Map<String, Object>> readModels = readModels();
            assertThat(readModels).extracting(model -> model.get("name"))
                    .contains("customer-profiles", "campaign-summaries");
            assertThat(readModels).allSatisfy(model -> {
                assertThat(model).containsEntry("state", "CAUGHT_UP")
                        .containsEntry("lagEvents", 0)
                        .containsEntry("lagMillis", 0)
                        .containsEntry("deadLetters", 0)
                        .containsEntry("processedHere", true);
                assertThat(((Number) model.get("position")).longValue()).isGreaterThanOrEqualTo(position)
                        .isEqualTo(((Number) model.get("head")).longValue());
            });
        });
    }

    @Test
    void deadLettersOfAnUnknownReadModelAreNotFound() {
        ResponseError error = singleError(graphQl().documentName("deadLetters").variable("readModel", "nope"));

        assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND");
    }

    @Test
    void aQueryNestedTooDeeplyIsRefusedAsTooComplex() {
        ResponseError error = singleError(graphQl().documentName("tooDeep"));

        assertThat(error.getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX");
        assertThat(error.getMessage()).contains("levels deep");
    }

    @Test
    void aQuerySelectingTooManyFieldsIsRefusedAsTooComplex() {
        // Generated rather than a named document: the point is only its size.
        String selections = IntStream.range(0, 70)
                .mapToObj(i -> "c" + i + ": customers(first: 1) { pageInfo { hasNextPage } }")
                .collect(Collectors.joining("\n"));

        ResponseError error = singleError(graphQl().document("query tooWide {\n" + selections + "\n}"));

        assertThat(error.getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX");
    }

    @Test
    void introspectionIsNotLimited() {
        graphQl().document("{ __schema { types { name fields { name type { name ofType { name ofType { name "
                + "ofType { name ofType { name ofType { name ofType { name } } } } } } } } } } }").executeAndVerify();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> readModels() {
        return graphQl().documentName("readModels").execute().path("readModels").entity(List.class).get();
    }

    private static long registerAndTellPosition() {
        return graphQl().documentName("registerCustomerAt")
                .variable("email", "rw-" + UUID.randomUUID() + "@example.com").variable("name", "Grace Hopper")
                .execute().path("registerCustomer.position").entity(Long.class).get();
    }

    static ResponseError singleError(GraphQlTester.Request<?> request) {
        ResponseError[] seen = new ResponseError[1];
        request.execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            seen[0] = errors.get(0);
        });
        return seen[0];
    }

    private static GraphQlTester graphQl() {
        return mms.graphQl();
    }
}
