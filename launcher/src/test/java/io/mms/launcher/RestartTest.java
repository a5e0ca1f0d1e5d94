package io.mms.launcher;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.mms.projections.campaign.CampaignSummaries;
import io.mms.projections.customer.CustomerProfiles;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** MMS stopped and started again on the same data directory. */
class RestartTest {

    private static final Duration PROJECTION_LAG = Duration.ofSeconds(20);

    @TempDir
    Path dataDirectory;

    @Test
    void dataSurvivesARestartAndNoEventIsProjectedTwice() {
        String customerId;
        String campaignId;
        try (RunningMms first = RunningMms.start(dataDirectory)) {
            customerId = registerCustomer(first.graphQl(), "before@example.com");
            campaignId = createAndLaunchCampaign(first.graphQl());
            await().atMost(PROJECTION_LAG).untilAsserted(() -> {
                customerIsVisible(first.graphQl(), customerId);
                campaignIsActive(first.graphQl(), campaignId);
            });
        }

        try (RunningMms second = RunningMms.start(List.of(ReadModelWrites.class), dataDirectory)) {
            customerIsVisible(second.graphQl(), customerId);
            campaignIsActive(second.graphQl(), campaignId);

            String newcomer = registerCustomer(second.graphQl(), "after@example.com");
            await().atMost(PROJECTION_LAG).untilAsserted(() -> customerIsVisible(second.graphQl(), newcomer));
            await().atMost(PROJECTION_LAG).until(() -> caughtUp(second, CustomerProfiles.PROCESSOR)
                    && caughtUp(second, CampaignSummaries.PROCESSOR));

            ReadModelWrites writes = second.bean(ReadModelWrites.class);
            assertThat(writes.statementsTo(CustomerProfiles.COLLECTION.name())).isEqualTo(1);
            assertThat(writes.statementsTo(CampaignSummaries.COLLECTION.name())).isZero();
        }
    }

    private static boolean caughtUp(RunningMms mms, String processor) {
        Map<Integer, EventTrackerStatus> segments = mms.bean(EventProcessingConfiguration.class)
                .eventProcessor(processor, StreamingEventProcessor.class)
                .orElseThrow()
                .processingStatus();
        return !segments.isEmpty() && segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
    }

    private static String registerCustomer(GraphQlTester graphQl, String email) {
        return graphQl.documentName("registerCustomer").variable("email", email).variable("name", "Restarted")
                .execute().path("registerCustomer.customerId").entity(String.class).get();
    }

    private static String createAndLaunchCampaign(GraphQlTester graphQl) {
        String id = graphQl.documentName("createCampaign")
                .variable("name", "Durable").variable("channel", "SMS")
                .variable("amount", "10").variable("currency", "USD")
                .execute().path("createCampaign.campaignId").entity(String.class).get();
        graphQl.documentName("launchCampaign").variable("id", id).executeAndVerify();
        return id;
    }

    private static void customerIsVisible(GraphQlTester graphQl, String id) {
        graphQl.documentName("customer").variable("id", id).execute()
                .path("customer").hasValue()
                .path("customer.id").entity(String.class).isEqualTo(id);
    }

    private static void campaignIsActive(GraphQlTester graphQl, String id) {
        graphQl.documentName("campaign").variable("id", id).execute()
                .path("campaign").hasValue()
                .path("campaign.status").entity(String.class).isEqualTo("ACTIVE");
    }

    /** Counts the update statements that reach each read-model collection through the driver. */
    @Configuration(proxyBeanMethods = false)
    static class ReadModelWrites implements CommandListener {

        private final Map<String, AtomicInteger> statements = new ConcurrentHashMap<>();

        @Bean
        MongoClientSettingsBuilderCustomizer countReadModelWrites() {
            return settings -> settings.addCommandListener(this);
        }

        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (event.getCommandName().equals("update")) {
                String collection = event.getCommand().getString("update").getValue();
                int count = event.getCommand().getArray("updates").size();
                statements.computeIfAbsent(collection, name -> new AtomicInteger()).addAndGet(count);
            }
        }

        int statementsTo(String collection) {
            return statements.getOrDefault(collection, new AtomicInteger()).get();
        }
    }
}
