package io.mms.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Engagement reports as providers and frontends send them, through the webhook and the
 * GraphQL mutation. No message can be sent yet, so these cover what happens before a report
 * reaches a sent message: refusals, and that they write nothing.
 */
class EngagementTest {

    private static final String WEBHOOK = "/api/v1/webhooks/engagement";

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

    @Test
    void reportsOnMessagesNeverSentAreEachRejectedAsNotFoundAndWriteNothing() {
        String customerId = register();
        long before = mms.storedEvents();

        List<Map<String, Object>> results = post(List.of(
                report("e1", customerId + ":" + UUID.randomUUID(), "opened"),
                report("e2", UUID.randomUUID() + ":" + UUID.randomUUID(), "delivered"),
                report("e3", "not-a-message-id", "bounced")))
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                })
                .returnResult().getResponseBody();

        assertThat(results).extracting(result -> result.get("id")).containsExactly("e1", "e2", "e3");
        assertThat(results).extracting(result -> result.get("status")).containsOnly("rejected");
        assertThat(results).extracting(result -> result.get("code")).containsOnly("NOT_FOUND");
        assertThat(results).extracting(result -> (String) result.get("message"))
                .allSatisfy(message -> assertThat(message).contains("was ever sent"));
        assertThat(mms.storedEvents()).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotAnArrayOfReportsIsABadRequestWithACode() {
        for (String body : List.of("{\"id\": \"e1\"}", "[1, 2]", "not json", "")) {
            mms.http(WEBHOOK).post().contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("VALIDATION")
                    .jsonPath("$.message").value(message -> assertThat((String) message).contains("JSON array"));
        }
    }

    @Test
    void aBatchOverTheCapIsABadRequestAndWritesNothing() {
        String customerId = register();
        long before = mms.storedEvents();
        Map<String, Object> item = report("e1", customerId + ":" + UUID.randomUUID(), "opened");

        post(Collections.nCopies(1_001, item))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains("at most 1000"));
        assertThat(mms.storedEvents()).isEqualTo(before);
    }

    @Test
    void recordingEngagementOnAMessageNeverSentIsNotFoundAndWritesNothing() {
        String messageId = register() + ":" + UUID.randomUUID();
        long before = mms.storedEvents();

        recordEngagement(messageId, "OPENED").errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getExtensions()).containsEntry("code", "NOT_FOUND");
            assertThat(errors.get(0).getMessage()).contains(messageId);
        });
        recordEngagement("no-such-message", "OPENED").errors().satisfy(errors ->
                assertThat(errors.get(0).getExtensions()).containsEntry("code", "NOT_FOUND"));
        assertThat(mms.storedEvents()).isEqualTo(before);
    }

    @Test
    void recordingAConversionWithoutRevenueIsInvalid() {
        String messageId = register() + ":" + UUID.randomUUID();

        recordEngagement(messageId, "CONVERTED").errors().satisfy(errors -> {
            assertThat(errors.get(0).getExtensions()).containsEntry("code", "VALIDATION");
            assertThat(errors.get(0).getMessage()).isEqualTo("revenue is required");
        });
    }

    private static GraphQlTester.Response recordEngagement(String messageId, String kind) {
        return mms.graphQl().documentName("recordEngagement")
                .variable("messageId", messageId)
                .variable("providerEventId", "pe-" + UUID.randomUUID())
                .variable("kind", kind)
                .variable("occurredAt", "2026-01-15T10:00:00Z")
                .execute();
    }

    private static WebTestClient.ResponseSpec post(Object batch) {
        return mms.http(WEBHOOK).post().contentType(MediaType.APPLICATION_JSON).bodyValue(batch).exchange();
    }

    private static Map<String, Object> report(String id, String messageId, String type) {
        return Map.of("id", id, "messageId", messageId, "type", type, "occurredAt", "2026-01-15T10:00:00Z");
    }

    private static String register() {
        return mms.graphQl().documentName("registerCustomer")
                .variable("email", UUID.randomUUID() + "@example.com")
                .variable("name", "Ada")
                .execute()
                .path("registerCustomer.customerId").entity(String.class).get();
    }
}
