package io.mms.launcher;

import io.mms.command.CommandSideConfiguration;
import io.mms.command.customer.AddCustomerTag;
import io.mms.command.customer.RegisterCustomer;
import io.mms.command.customer.RemoveCustomerTag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static io.mms.launcher.GraphQlErrors.singleError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The customer rules as a frontend meets them, whatever the event store. Email uniqueness is
 * the rule that depends on the store: its claims must commit and roll back with the events.
 */
interface CustomerContract {

    Duration PROJECTION_LAG = Duration.ofSeconds(20);

    RunningMms mms();

    @Test
    default void registeringAnEmailAnotherCustomerHoldsIsAConflictAndWritesNothing() {
        String email = uniqueEmail();
        register(email);
        long before = mms().storedEvents();

        ResponseError error = singleError(registerRequest(" " + email.toUpperCase(Locale.ROOT)));

        assertThat(error.getExtensions()).containsEntry("code", "CONFLICT");
        assertThat(error.getMessage()).contains("already registered");
        assertThat(mms().storedEvents()).isEqualTo(before);
    }

    @Test
    default void aChangedEmailIsShownAndTheOldOneIsFreeForOthers() {
        String old = uniqueEmail();
        String changed = uniqueEmail();
        String id = register(old);

        graphQl().documentName("changeCustomerEmail").variable("id", id).variable("email", changed)
                .executeAndVerify();
        graphQl().documentName("updateCustomerProfile").variable("id", id).variable("name", "Countess")
                .executeAndVerify();

        await().atMost(PROJECTION_LAG).untilAsserted(() -> graphQl().documentName("customer")
                .variable("id", id).execute()
                .path("customer").hasValue()
                .path("customer.email").entity(String.class).isEqualTo(changed)
                .path("customer.name").entity(String.class).isEqualTo("Countess"));
        assertThat(mms().emailHolders(old)).isEmpty();
        assertThat(register(old)).isNotEqualTo(id);
    }

    @Test
    default void ofCustomersRacingForOneEmailExactlyOneGetsIt() throws Exception {
        String email = uniqueEmail();
        long before = mms().storedEvents();
        ExecutorService racers = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<GraphQlTester.Response>> answers = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> registerRequest(email).execute(), racers))
                    .toList();

            List<String> outcomes = new ArrayList<>();
            for (CompletableFuture<GraphQlTester.Response> answer : answers) {
                outcomes.add(outcome(answer.get()));
            }

            assertThat(outcomes).filteredOn("registered"::equals).hasSize(1);
            assertThat(outcomes).filteredOn("CONFLICT"::equals).hasSize(7);
            assertThat(mms().emailHolders(email)).hasSize(1);
            assertThat(mms().storedEvents()).isEqualTo(before + 1);
        } finally {
            racers.shutdownNow();
        }
    }

    @Test
    default void aCommandThatFailsAfterClaimingLeavesNoClaimBehind() {
        String id = register(uniqueEmail());
        String email = uniqueEmail();
        CommandGateway commands = mms().bean(CommandGateway.class);

        // The same id again: the claim succeeds, then appending the first event of "another"
        // customer with that id fails in the event store, and the claim must go with it.
        assertThatThrownBy(() -> commands.sendAndWait(new RegisterCustomer(id, email, "Impostor")))
                .isNotNull();

        assertThat(mms().emailHolders(email)).isEmpty();
        assertThat(register(email)).isNotEqualTo(id);
    }

    @Test
    default void lifecycleTagsAndConsentAreChangedThroughMutations() {
        String id = register(uniqueEmail());
        long before = mms().storedEvents();

        mutate("changeCustomerStage", id, "stage", "MARKETING_QUALIFIED");
        mutate("addCustomerTag", id, "tag", " VIP ");
        mutate("grantConsent", id, "channel", "EMAIL", "purpose", "marketing", "source", "signup-form",
                "at", "2026-01-15T10:00:00Z");
        mutate("withdrawConsent", id, "channel", "EMAIL", "purpose", "Marketing", "source", "unsubscribe-link");
        mutate("removeCustomerTag", id, "tag", "vip");
        mutate("updateCustomerProfile", id, "phone", "+1 555 0100",
                "attributes", List.of(Map.of("key", "company", "value", "Acme")));

        assertThat(mms().storedEvents()).isEqualTo(before + 6);
    }

    @Test
    default void repeatedOrRefusedCustomerMutationsWriteNothing() {
        String id = register(uniqueEmail());
        mutate("addCustomerTag", id, "tag", "vip");
        long before = mms().storedEvents();

        mutate("addCustomerTag", id, "tag", "VIP");
        mutate("changeCustomerStage", id, "stage", "LEAD");
        mutate("withdrawConsent", id, "channel", "SMS", "purpose", "marketing", "source", "unsubscribe-link");
        mutate("updateCustomerProfile", id, "name", "Ada");
        ResponseError illegalMove = refused("changeCustomerStage", id, "stage", "CHURNED");
        ResponseError blankTag = refused("addCustomerTag", id, "tag", " ");
        ResponseError unknown = refused("addCustomerTag", UUID.randomUUID().toString(), "tag", "vip");

        assertThat(illegalMove.getExtensions()).containsEntry("code", "CONFLICT");
        assertThat(illegalMove.getMessage()).contains("LEAD");
        assertThat(blankTag.getExtensions()).containsEntry("code", "VALIDATION");
        assertThat(unknown.getExtensions()).containsEntry("code", "NOT_FOUND");
        assertThat(mms().storedEvents()).isEqualTo(before);
    }

    @Test
    default void aCustomerWithMoreEventsThanTheSnapshotThresholdStillDecides() {
        String email = uniqueEmail();
        String id = register(email);
        mutate("addCustomerTag", id, "tag", "vip");
        mutate("changeCustomerStage", id, "stage", "CUSTOMER");
        CommandGateway commands = mms().bean(CommandGateway.class);
        for (int i = 0; i < CommandSideConfiguration.CUSTOMER_SNAPSHOT_THRESHOLD; i++) {
            commands.sendAndWait(new AddCustomerTag(id, "flapping"));
            commands.sendAndWait(new RemoveCustomerTag(id, "flapping"));
        }
        await().atMost(PROJECTION_LAG).until(() -> mms().storedSnapshots(id) > 0);
        long before = mms().storedEvents();

        mutate("addCustomerTag", id, "tag", "vip");
        mutate("removeCustomerTag", id, "tag", "flapping");
        mutate("changeCustomerEmail", id, "email", email);
        ResponseError illegalMove = refused("changeCustomerStage", id, "stage", "LEAD");
        mutate("changeCustomerStage", id, "stage", "CHURNED");

        assertThat(illegalMove.getMessage()).contains("customer is CUSTOMER");
        assertThat(mms().storedEvents()).isEqualTo(before + 1);
    }

    private String register(String email) {
        return registerRequest(email).execute().path("registerCustomer.customerId").entity(String.class).get();
    }

    private GraphQlTester.Request<?> registerRequest(String email) {
        return graphQl().documentName("registerCustomer").variable("email", email).variable("name", "Ada");
    }

    /** Runs a named mutation on the customer and checks that it answers with the customer's id. */
    private void mutate(String mutation, String id, Object... variables) {
        request(mutation, id, variables).execute()
                .path(mutation + ".customerId").entity(String.class).isEqualTo(id);
    }

    private ResponseError refused(String mutation, String id, Object... variables) {
        return singleError(request(mutation, id, variables));
    }

    private GraphQlTester.Request<?> request(String mutation, String id, Object... variables) {
        GraphQlTester.Request<?> request = graphQl().documentName(mutation).variable("id", id);
        for (int i = 0; i < variables.length; i += 2) {
            request = request.variable((String) variables[i], variables[i + 1]);
        }
        return request;
    }

    /** "registered" for a customer id, else the error code. */
    private static String outcome(GraphQlTester.Response response) {
        List<String> codes = new ArrayList<>();
        response.errors().satisfy(errors -> errors.forEach(
                error -> codes.add(String.valueOf(error.getExtensions().get("code")))));
        return codes.isEmpty() ? "registered" : String.join(",", codes);
    }


    private GraphQlTester graphQl() {
        return mms().graphQl();
    }

    private static String uniqueEmail() {
        return "crm-" + UUID.randomUUID() + "@example.com";
    }
}
