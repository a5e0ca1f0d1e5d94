package io.mms.launcher;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mms.launcher.GraphQlErrors.singleError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An analyst looks at customers, campaigns and segments as they were at past instants, whatever
 * the event store. Answers come from the event history itself, so none of them waits for a
 * read model; only the current profiles of segment members do.
 */
interface TimeTravelContract {

    Duration PROJECTION_LAG = Duration.ofSeconds(20);

    RunningMms mms();

    @Test
    default void aCustomerWhoChangedEmailConsentAndStageIsSeenAsTheyWereAtEachInstant() {
        Instant beforeRegistration = instantBetweenEvents();
        String first = uniqueEmail();
        String id = register(first);
        Instant registered = instantBetweenEvents();
        grantEmailConsent(id);
        Instant consenting = instantBetweenEvents();
        String second = uniqueEmail();
        mms().graphQl().documentName("changeCustomerEmail").variable("id", id).variable("email", second)
                .executeAndVerify();
        Instant renamed = instantBetweenEvents();
        mms().graphQl().documentName("changeCustomerStage").variable("id", id)
                .variable("stage", "MARKETING_QUALIFIED").executeAndVerify();
        mms().graphQl().documentName("withdrawConsent").variable("id", id).variable("channel", "EMAIL")
                .variable("purpose", "marketing").variable("source", "unsubscribe-link").executeAndVerify();

        customerAsOf(id, beforeRegistration).path("customer").valueIsNull();
        customerAsOf(id, registered)
                .path("customer.email").entity(String.class).isEqualTo(first)
                .path("customer.stage").entity(String.class).isEqualTo("LEAD")
                .path("customer.consents").entityList(Object.class).hasSize(0)
                .path("customer.timeline.edges[*].node.kind").entityList(String.class).containsExactly("REGISTERED");
        customerAsOf(id, consenting)
                .path("customer.email").entity(String.class).isEqualTo(first)
                .path("customer.consents[0].granted").entity(Boolean.class).isEqualTo(true);
        customerAsOf(id, renamed)
                .path("customer.email").entity(String.class).isEqualTo(second)
                .path("customer.stage").entity(String.class).isEqualTo("LEAD")
                .path("customer.timeline.edges[*].node.kind").entityList(String.class)
                .containsExactly("EMAIL_CHANGED", "CONSENT_GRANTED", "REGISTERED");
        customerAsOf(id, instantBetweenEvents())
                .path("customer.email").entity(String.class).isEqualTo(second)
                .path("customer.stage").entity(String.class).isEqualTo("MARKETING_QUALIFIED")
                .path("customer.consents[0].granted").entity(Boolean.class).isEqualTo(false)
                .path("customer.consents[0].source").entity(String.class).isEqualTo("unsubscribe-link");
        assertThat(scratchDatabases()).isEmpty();
    }

    @Test
    default void aCampaignIsSeenWithTheStatusBudgetAndSpendItHadAtEachInstant() {
        String id = mms().graphQl().documentName("createCampaign").variable("name", "Spring sale")
                .variable("channel", "EMAIL").variable("amount", "1000.00").variable("currency", "EUR")
                .execute().path("createCampaign.campaignId").entity(String.class).get();
        Instant drafted = instantBetweenEvents();
        mms().graphQl().documentName("changeCampaignDetails").variable("id", id).variable("amount", "1500.00")
                .variable("currency", "EUR").executeAndVerify();
        Instant raised = instantBetweenEvents();
        mms().graphQl().documentName("launchCampaign").variable("id", id).executeAndVerify();
        Instant launched = instantBetweenEvents();
        mms().graphQl().documentName("recordCampaignSpend").variable("id", id).variable("amount", "200.00")
                .variable("currency", "EUR").executeAndVerify();

        campaignAsOf(id, drafted)
                .path("campaign.status").entity(String.class).isEqualTo("DRAFT")
                .path("campaign.budget.amount").entity(BigDecimal.class)
                .satisfies(amount -> assertThat(amount).isEqualByComparingTo("1000.00"));
        campaignAsOf(id, raised)
                .path("campaign.status").entity(String.class).isEqualTo("DRAFT")
                .path("campaign.budget.amount").entity(BigDecimal.class)
                .satisfies(amount -> assertThat(amount).isEqualByComparingTo("1500.00"));
        campaignAsOf(id, launched)
                .path("campaign.status").entity(String.class).isEqualTo("ACTIVE")
                .path("campaign.launchedAt").hasValue()
                .path("campaign.spent.amount").entity(BigDecimal.class)
                .satisfies(spent -> assertThat(spent).isZero());
        campaignAsOf(id, instantBetweenEvents())
                .path("campaign.spent.amount").entity(BigDecimal.class)
                .satisfies(amount -> assertThat(amount).isEqualByComparingTo("200.00"));
    }

    @Test
    default void aCampaignsPerformanceAsOfAPastInstantIsRefused() {
        ResponseError error = singleError(mms().graphQl().documentName("campaignPerformanceAsOf")
                .variable("id", UUID.randomUUID().toString()).variable("asOf", Instant.now().toString()));

        assertThat(error.getExtensions()).containsEntry("code", "VALIDATION");
        assertThat(error.getMessage()).contains("performance");
    }

    @Test
    default void anInstantInTheFutureIsAValidationError() {
        ResponseError error = singleError(mms().graphQl().documentName("customerAsOf")
                .variable("id", UUID.randomUUID().toString())
                .variable("asOf", Instant.now().plus(Duration.ofDays(1)).toString()));

        assertThat(error.getExtensions()).containsEntry("code", "VALIDATION");
        assertThat(error.getMessage()).contains("future");
    }

    @Test
    default void segmentMembersAsOfADateEachNameTheEventThatPutThemIn() {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        String segmentId = mms().graphQl().documentName("saveSegment").variable("name", "Fans of " + tag)
                .variable("rule", Map.of("tags", List.of(tag)))
                .execute().path("saveSegment.segmentId").entity(String.class).get();
        String ada = register(uniqueEmail());
        String grace = register(uniqueEmail());
        tag(ada, tag);
        Instant adaIn = instantBetweenEvents();
        tag(grace, tag);
        Instant bothIn = instantBetweenEvents();
        mms().graphQl().documentName("removeCustomerTag").variable("id", ada).variable("tag", tag)
                .executeAndVerify();

        await().atMost(PROJECTION_LAG).ignoreExceptions().untilAsserted(() -> segmentAsOf(segmentId, adaIn)
                .path("segment.count").entity(Long.class).isEqualTo(1L)
                .path("segment.members.edges[*].node.customer.id").entityList(String.class).containsExactly(ada)
                .path("segment.members.edges[0].node.joinedBy.type").entity(String.class)
                .isEqualTo("CustomerTagAdded"));
        await().atMost(PROJECTION_LAG).ignoreExceptions().untilAsserted(() -> segmentAsOf(segmentId, bothIn)
                .path("segment.members.edges[*].node.customer.id").entityList(String.class)
                .containsExactly(ada, grace));
        GraphQlTester.Response now = segmentAsOf(segmentId, instantBetweenEvents());
        now.path("segment.members.edges[*].node.customer.id").entityList(String.class).containsExactly(grace);
        String graceJoinedBy = now.path("segment.members.edges[0].node.joinedBy.eventId").entity(String.class).get();

        await().atMost(PROJECTION_LAG).ignoreExceptions().untilAsserted(() -> mms().graphQl()
                .documentName("segment").variable("id", segmentId).execute()
                .path("segment.members.edges[*].node.joinedBy.eventId").entityList(String.class)
                .containsExactly(graceJoinedBy));
        segmentAsOf(segmentId, bothIn.minus(Duration.ofDays(1))).path("segment").valueIsNull();
        assertThat(scratchDatabases()).isEmpty();
    }

    /**
     * An instant after every event recorded so far and before any recorded later: events are
     * stamped by the same clock, and stores may keep their time to the millisecond only.
     */
    private static Instant instantBetweenEvents() {
        Instant between = Instant.now();
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                .until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(between));
        return between;
    }

    private GraphQlTester.Response customerAsOf(String id, Instant asOf) {
        return mms().graphQl().documentName("customerAsOf").variable("id", id).variable("asOf", asOf.toString())
                .execute();
    }

    private GraphQlTester.Response campaignAsOf(String id, Instant asOf) {
        return mms().graphQl().documentName("campaignAsOf").variable("id", id).variable("asOf", asOf.toString())
                .execute();
    }

    private GraphQlTester.Response segmentAsOf(String id, Instant asOf) {
        return mms().graphQl().documentName("segmentAsOf").variable("id", id).variable("asOf", asOf.toString())
                .execute();
    }

    private String register(String email) {
        return mms().graphQl().documentName("registerCustomer").variable("email", email).variable("name", "Ada")
                .execute().path("registerCustomer.customerId").entity(String.class).get();
    }

    private void grantEmailConsent(String id) {
        mms().graphQl().documentName("grantConsent").variable("id", id).variable("channel", "EMAIL")
                .variable("purpose", "marketing").variable("source", "signup-form").executeAndVerify();
    }

    private void tag(String customerId, String tag) {
        mms().graphQl().documentName("addCustomerTag").variable("id", customerId).variable("tag", tag)
                .executeAndVerify();
    }

    /** Answers as of past instants replay into scratch databases, which the answer drops again. */
    private List<String> scratchDatabases() {
        return mms().bean(MongoClient.class).listDatabaseNames().into(new ArrayList<>()).stream()
                .filter(name -> name.contains("_scratch_"))
                .toList();
    }

    private static String uniqueEmail() {
        return "ada-" + UUID.randomUUID() + "@example.com";
    }
}
