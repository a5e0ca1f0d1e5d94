package io.mms.launcher;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;

import static io.mms.launcher.GraphQlErrors.singleError;
import static org.assertj.core.api.Assertions.assertThat;

/** Time travel refuses answers that would replay more history than configured. */
class TimeTravelLimitTest {

    @TempDir
    static Path dataDirectory;

    private static RunningMms mms;

    @BeforeAll
    static void start() {
        mms = RunningMms.start(dataDirectory, "--mms.time-travel.max-events=3");
    }

    @AfterAll
    static void stop() {
        mms.close();
    }

    @Test
    void anAnswerThatWouldReplayMoreEventsThanAllowedIsRefusedAndLeavesNothingBehind() {
        String busy = register();
        for (String tag : new String[] {"a", "b", "c"}) {
            mms.graphQl().documentName("addCustomerTag").variable("id", busy).variable("tag", tag).executeAndVerify();
        }
        String quiet = register();

        ResponseError error = singleError(customerAsOf(busy));

        assertThat(error.getExtensions()).containsEntry("code", "HISTORY_TOO_LONG");
        assertThat(error.getMessage()).contains("more than 3 events");
        mms.graphQl().documentName("customerAsOf").variable("id", quiet).variable("asOf", Instant.now().toString())
                .execute().path("customer.id").entity(String.class).isEqualTo(quiet);
        assertThat(mms.bean(MongoClient.class).listDatabaseNames().into(new ArrayList<>()))
                .noneMatch(name -> name.contains("_scratch_"));
    }

    private static GraphQlTester.Request<?> customerAsOf(String id) {
        return mms.graphQl().documentName("customerAsOf").variable("id", id).variable("asOf", Instant.now().toString());
    }

    private static String register() {
        return mms.graphQl().documentName("registerCustomer")
                .variable("email", "ada-" + UUID.randomUUID() + "@example.com").variable("name", "Ada")
                .execute().path("registerCustomer.customerId").entity(String.class).get();
    }
}
