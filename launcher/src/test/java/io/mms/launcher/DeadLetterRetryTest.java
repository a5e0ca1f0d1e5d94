package io.mms.launcher;

import io.mms.events.customer.CustomerRegistered;
import io.mms.projections.customer.CustomerProfiles;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event a projection fails on is parked, can be listed, stays parked while the handler
 * still fails, and is handled once the handler is fixed and the dead letters are retried.
 */
class DeadLetterRetryTest {

    private static final Duration PROJECTION_LAG = Duration.ofSeconds(20);
    private static final String READ_MODEL = CustomerProfiles.PROCESSOR;

    @TempDir
    static Path dataDirectory;

    private static RunningMms mms;

    @BeforeAll
    static void start() {
        mms = RunningMms.start(List.of(BuggyHandlerConfiguration.class), dataDirectory);
    }

    @AfterAll
    static void stop() {
        mms.close();
    }

    @Test
    void aParkedEventIsListedKeptWhileItStillFailsAndHandledOnceFixed() {
        BuggyProfileHandler handler = mms.bean(BuggyProfileHandler.class);
        String id = register("Poison Ivy");

        await().atMost(PROJECTION_LAG).untilAsserted(() -> assertThat(deadLetterCount()).isEqualTo(1));
        Map<String, Object> parked = deadLetters().get(0);
        assertThat(parked).containsEntry("eventType", "CustomerRegistered").containsEntry("aggregateId", id)
                .containsEntry("causeType", IllegalStateException.class.getName()).containsEntry("retries", 0);
        assertThat((String) parked.get("causeMessage")).contains("refuses");
        assertThat(parked.get("position")).isNotNull();

        retry().path("retryDeadLetters.retriedSequences").entity(Integer.class).isEqualTo(0)
                .path("retryDeadLetters.remaining").entity(Long.class).isEqualTo(1L);
        assertThat(deadLetters().get(0)).containsEntry("retries", 1);

        handler.fixed = true;
        retry().path("retryDeadLetters.retriedSequences").entity(Integer.class).isEqualTo(1)
                .path("retryDeadLetters.remaining").entity(Long.class).isEqualTo(0L);
        assertThat(handler.handled).contains(id);
        assertThat(deadLetters()).isEmpty();
        assertThat(deadLetterCount()).isZero();
    }

    private static String register(String name) {
        return mms.graphQl().documentName("registerCustomer")
                .variable("email", "dl-" + UUID.randomUUID() + "@example.com").variable("name", name)
                .execute().path("registerCustomer.customerId").entity(String.class).get();
    }

    private static GraphQlTester.Response retry() {
        return mms.graphQl().documentName("retryDeadLetters").variable("readModel", READ_MODEL).execute();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> deadLetters() {
        return mms.graphQl().documentName("deadLetters").variable("readModel", READ_MODEL).execute()
                .path("deadLetters").entity(List.class).get();
    }

    @SuppressWarnings("unchecked")
    private static long deadLetterCount() {
        List<Map<String, Object>> readModels = mms.graphQl().documentName("readModels").execute()
                .path("readModels").entity(List.class).get();
        return readModels.stream().filter(model -> READ_MODEL.equals(model.get("name")))
                .mapToLong(model -> ((Number) model.get("deadLetters")).longValue()).sum();
    }

    /** A handler of the customer-profiles read model with a bug for some names, until it is fixed. */
    @ProcessingGroup(CustomerProfiles.PROCESSOR)
    static class BuggyProfileHandler {

        volatile boolean fixed;
        final Set<String> handled = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(CustomerRegistered event) {
            if (!fixed && event.name().startsWith("Poison")) {
                throw new IllegalStateException("the buggy handler refuses this customer");
            }
            handled.add(event.customerId());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class BuggyHandlerConfiguration {

        @Bean
        BuggyProfileHandler buggyProfileHandler() {
            return new BuggyProfileHandler();
        }
    }
}
