package io.mms.launcher;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.mms.launcher.GraphQlErrors.singleError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a frontend sees of the whole pipeline, whatever the event store: a mutation becomes an
 * event, a projection writes it into a read model, and a query returns it. Refused input comes
 * back as an error with a code, and nothing is written.
 */
abstract class PipelineContract {

    private static final Duration PROJECTION_LAG = Duration.ofSeconds(20);

    abstract RunningMms mms();

    @Test
    void aRegisteredCustomerCanBeQueried() {
        String email = uniqueEmail();

        String id = registerCustomer(email, "Ada Lovelace");

        await().atMost(PROJECTION_LAG).untilAsserted(() -> graphQl().documentName("customer")
                .variable("id", id)
                .execute()
                .path("customer").hasValue()
                .path("customer.email").entity(String.class).isEqualTo(email)
                .path("customer.name").entity(String.class).isEqualTo("Ada Lovelace")
                .path("customer.registeredAt").hasValue());
    }

    @Test
    void aLaunchedCampaignIsListedAsActive() {
        String id = createCampaign("Winter sale", "2500.75");

        graphQl().documentName("launchCampaign").variable("id", id).execute()
                .path("launchCampaign.campaignId").entity(String.class).isEqualTo(id);

        await().atMost(PROJECTION_LAG).untilAsserted(() -> graphQl().documentName("campaign")
                .variable("id", id)
                .execute()
                .path("campaign").hasValue()
                .path("campaign.status").entity(String.class).isEqualTo("ACTIVE")
                .path("campaign.channel").entity(String.class).isEqualTo("EMAIL")
                .path("campaign.budget.amount").entity(String.class).isEqualTo("2500.75")
                .path("campaign.budget.currency").entity(String.class).isEqualTo("EUR")
                .path("campaign.launchedAt").hasValue());
        await().atMost(PROJECTION_LAG).untilAsserted(() -> assertThat(graphQl().documentName("campaigns")
                .variable("status", "ACTIVE").variable("first", 100)
                .execute()
                .path("campaigns.edges[*].node.id").entityList(String.class).get()).contains(id));
    }

    @Test
    void launchingACampaignTwiceIsAConflictAndWritesNothing() {
        String id = createCampaign("Spring sale", "100");
        graphQl().documentName("launchCampaign").variable("id", id).executeAndVerify();
        long before = mms().storedEvents();

        ResponseError error = singleError(graphQl().documentName("launchCampaign").variable("id", id));

        assertThat(error.getExtensions()).containsEntry("code", "CONFLICT");
        assertThat(error.getMessage()).contains("ACTIVE");
        assertThat(mms().storedEvents()).isEqualTo(before);
    }

    @Test
    void launchingAnUnknownCampaignIsNotFound() {
        ResponseError error = singleError(graphQl().documentName("launchCampaign")
                .variable("id", UUID.randomUUID().toString()));

        assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND");
    }

    @Test
    void invalidInputIsRefusedWithAValidationCodeAndWritesNothing() {
        long before = mms().storedEvents();

        List<ResponseError> errors = List.of(
                singleError(registerCustomerRequest("not-an-email", "Ada")),
                singleError(registerCustomerRequest(uniqueEmail(), "   ")),
                singleError(createCampaignRequest("Autumn", "-5")),
                singleError(createCampaignRequest(" ", "10")),
                singleError(graphQl().documentName("createCampaign")
                        .variable("name", "Autumn").variable("channel", "FAX")
                        .variable("amount", "10").variable("currency", "EUR")));

        assertThat(errors).allSatisfy(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "VALIDATION");
            assertThat(error.getMessage()).isNotBlank();
        });
        assertThat(mms().storedEvents()).isEqualTo(before);
    }

    @Test
    void aCampaignScheduledToStartShortlyBecomesActiveByItself() {
        String id = createCampaign("Flash sale", "100");
        Instant startAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);

        graphQl().documentName("scheduleCampaign").variable("id", id)
                .variable("startAt", startAt.toString()).executeAndVerify();

        await().atMost(PROJECTION_LAG).untilAsserted(() -> campaign(id)
                .path("campaign.status").entity(String.class).isEqualTo("ACTIVE")
                .path("campaign.startAt").entity(Instant.class).isEqualTo(startAt));
    }

    @Test
    void spendReachingTheBudgetPausesTheCampaignUntilTheBudgetIsRaised() {
        String id = createCampaign("Small budget", "50.00");
        graphQl().documentName("launchCampaign").variable("id", id).executeAndVerify();

        spend(id, "20.00");
        spend(id, "30.00");

        await().atMost(PROJECTION_LAG).untilAsserted(() -> campaign(id)
                .path("campaign.status").entity(String.class).isEqualTo("PAUSED")
                .path("campaign.pauseReason").entity(String.class).isEqualTo("BUDGET_EXHAUSTED")
                .path("campaign.spent.amount").entity(BigDecimal.class)
                .satisfies(spent -> assertThat(spent).isEqualByComparingTo("50")));
        ResponseError refused = singleError(graphQl().documentName("resumeCampaign").variable("id", id));
        assertThat(refused.getExtensions()).containsEntry("code", "CONFLICT");
    }

    @Test
    void aContradictoryAudienceIsRefusedWithAValidationCode() {
        String id = createCampaign("Nobody", "10");
        long before = mms().storedEvents();

        ResponseError error = singleError(graphQl().documentName("defineCampaignAudience").variable("id", id)
                .variable("after", "2026-05-01T00:00:00Z").variable("before", "2026-01-01T00:00:00Z"));

        assertThat(error.getExtensions()).containsEntry("code", "VALIDATION");
        assertThat(error.getMessage()).contains("registeredAfter");
        assertThat(mms().storedEvents()).isEqualTo(before);
    }

    @Test
    void customersArePagedWithoutGapsOrDuplicates() {
        List<String> registered = IntStream.range(0, 7).mapToObj(i -> registerCustomer(uniqueEmail(), "Pager " + i))
                .toList();
        await().atMost(PROJECTION_LAG).untilAsserted(() -> assertThat(allCustomerIds(100)).containsAll(registered));

        List<String> pagedByThree = allCustomerIds(3);

        assertThat(new HashSet<>(pagedByThree)).hasSameSizeAs(pagedByThree);
        assertThat(pagedByThree).containsAll(registered);
        assertThat(pagedByThree).containsExactlyElementsOf(allCustomerIds(100));
    }

    @Test
    void aPageLargerThanTheMaximumIsRefused() {
        ResponseError error = singleError(graphQl().documentName("customers").variable("first", 1000));

        assertThat(error.getExtensions()).containsEntry("code", "VALIDATION");
    }

    @Test
    void aCustomersEventHistoryIsReadFromTheEventStore() {
        String id = registerCustomer(uniqueEmail(), "Historian");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> graphQl().documentName("events")
                .variable("filter", Map.of("aggregateId", id)).execute()
                .path("events.edges[*].node.type").entityList(String.class).containsExactly("CustomerRegistered")
                .path("events.edges[0].node.sequence").entity(Long.class).isEqualTo(0L)
                .path("events.edges[0].node.payload.customerId").entity(String.class).isEqualTo(id)
                .path("events.edges[0].node.personalDataOmitted").entityList(String.class)
                .containsExactly("email", "name"));
    }

    private List<String> allCustomerIds(int pageSize) {
        List<String> ids = new java.util.ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            GraphQlTester.Response page = graphQl().documentName("customers")
                    .variable("first", pageSize).variable("after", after).execute();
            ids.addAll(page.path("customers.edges[*].node.id").entityList(String.class).get());
            more = page.path("customers.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("customers.pageInfo.endCursor").entity(String.class).get();
        }
        return ids;
    }

    private void spend(String campaignId, String amount) {
        graphQl().documentName("recordCampaignSpend").variable("id", campaignId)
                .variable("amount", amount).variable("currency", "EUR").executeAndVerify();
    }

    /** The campaign as queried; not being there yet fails as an assertion, so Awaitility retries. */
    private GraphQlTester.Traversable campaign(String id) {
        return graphQl().documentName("campaign").variable("id", id).execute().path("campaign").hasValue();
    }

    String registerCustomer(String email, String name) {
        return registerCustomerRequest(email, name).execute()
                .path("registerCustomer.customerId").entity(String.class).get();
    }

    String createCampaign(String name, String amount) {
        return createCampaignRequest(name, amount).execute()
                .path("createCampaign.campaignId").entity(String.class).get();
    }

    private GraphQlTester.Request<?> registerCustomerRequest(String email, String name) {
        return graphQl().documentName("registerCustomer").variable("email", email).variable("name", name);
    }

    private GraphQlTester.Request<?> createCampaignRequest(String name, String amount) {
        return graphQl().documentName("createCampaign")
                .variable("name", name).variable("channel", "EMAIL")
                .variable("amount", amount).variable("currency", "eur");
    }


    GraphQlTester graphQl() {
        return mms().graphQl();
    }

    static String uniqueEmail() {
        return "customer-" + UUID.randomUUID() + "@example.com";
    }
}
