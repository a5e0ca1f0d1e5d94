package io.mms.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A scheduled start is kept in the database, not in memory: it fires after MMS was restarted. */
class ScheduledLaunchRestartTest {

    /** The least time between scheduling and the start; more when MMS starts slowly (a busy machine). */
    private static final Duration MINIMUM_LEAD_TIME = Duration.ofSeconds(20);

    @TempDir
    Path dataDirectory;

    @Test
    void aScheduledLaunchFiresAfterARestart() {
        Instant startAt;
        String campaignId;
        Instant starting = Instant.now();
        try (RunningMms first = RunningMms.start(dataDirectory)) {
            startAt = Instant.now().plus(leadTimeAfter(Duration.between(starting, Instant.now())));
            campaignId = createCampaign(first.graphQl());
            first.graphQl().documentName("scheduleCampaign").variable("id", campaignId)
                    .variable("startAt", startAt.toString()).executeAndVerify();
            assertThat(storedDeadlines(first)).singleElement().asString()
                    .startsWith("{").contains("campaign-start");
        }

        try (RunningMms second = RunningMms.start(dataDirectory)) {
            assertThat(Instant.now()).as("restarted before the start was due").isBefore(startAt);

            await().atMost(Duration.between(Instant.now(), startAt).plusSeconds(20)).untilAsserted(() -> second.graphQl()
                    .documentName("campaign").variable("id", campaignId).execute()
                    .path("campaign").hasValue()
                    .path("campaign.status").entity(String.class).isEqualTo("ACTIVE"));
            assertThat(storedDeadlines(second)).isEmpty();
        }
    }

    /** Long enough for MMS to stop and start again (twice what one start took) before the campaign is due. */
    private static Duration leadTimeAfter(Duration oneStart) {
        Duration restart = oneStart.multipliedBy(2).plusSeconds(5);
        return restart.compareTo(MINIMUM_LEAD_TIME) > 0 ? restart : MINIMUM_LEAD_TIME;
    }

    /** The task data db-scheduler stores for each pending deadline, read as text. */
    private static List<String> storedDeadlines(RunningMms mms) {
        return mms.bean(JdbcTemplate.class).queryForList("SELECT task_data FROM scheduled_tasks", byte[].class)
                .stream().map(String::new).toList();
    }

    private static String createCampaign(GraphQlTester graphQl) {
        return graphQl.documentName("createCampaign")
                .variable("name", "Launch at dawn").variable("channel", "PUSH")
                .variable("amount", "10").variable("currency", "EUR")
                .execute().path("createCampaign.campaignId").entity(String.class).get();
    }
}
