package io.mms.events.schema;

import io.mms.events.Nullable;
import io.mms.events.PersonalData;
import io.mms.events.PublicEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot check against a published revision of {@code CustomerRegistered} and
 * {@code CampaignPaused}, changed the ways a developer might change them.
 */
class SchemaSnapshotsTest {

    @TempDir
    Path snapshots;

    @PublicEvent(type = "CustomerRegistered", revision = 1)
    record Registered(String customerId, @PersonalData String email, @PersonalData String name, Instant registeredAt) {
    }

    @PublicEvent(type = "CustomerRegistered", revision = 1)
    record RegisteredWithoutRegisteredAt(String customerId, @PersonalData String email, @PersonalData String name) {
    }

    @PublicEvent(type = "CustomerRegistered", revision = 1)
    record RegisteredAtAsEpochMillis(String customerId, @PersonalData String email, @PersonalData String name,
                                     long registeredAt) {
    }

    @PublicEvent(type = "CustomerRegistered", revision = 1)
    record RegisteredWithOptionalCustomerId(@Nullable String customerId, @PersonalData String email,
                                            @PersonalData String name, Instant registeredAt) {
    }

    @PublicEvent(type = "CustomerRegistered", revision = 1)
    record RegisteredWithRequiredSource(String customerId, @PersonalData String email, @PersonalData String name,
                                        Instant registeredAt, String source) {
    }

    @PublicEvent(type = "CustomerRegistered", revision = 1)
    record RegisteredWithOptionalReferrer(String customerId, @PersonalData String email, @PersonalData String name,
                                          Instant registeredAt, @Nullable String referrer) {
    }

    @PublicEvent(type = "CustomerRegistered", revision = 1)
    record RegisteredWithPersonalCustomerId(@PersonalData String customerId, @PersonalData String email,
                                            @PersonalData String name, Instant registeredAt) {
    }

    @PublicEvent(type = "CustomerRegistered", revision = 2)
    record RegisteredRevisionTwo(String customerId, @PersonalData String email, Instant registeredAt) {
    }

    enum Reason { MANUAL, BUDGET_EXHAUSTED }

    enum ReasonWithCompliance { MANUAL, BUDGET_EXHAUSTED, COMPLIANCE }

    @PublicEvent(type = "CampaignPaused", revision = 1)
    record Paused(String campaignId, Reason reason, Instant pausedAt) {
    }

    @PublicEvent(type = "CampaignPaused", revision = 1)
    record PausedForCompliance(String campaignId, ReasonWithCompliance reason, Instant pausedAt) {
    }

    @Test
    void aRemovedFieldOnTheSameRevisionIsRefusedNamingTypeRevisionAndField() {
        publish(Registered.class);

        List<String> problems = check(RegisteredWithoutRegisteredAt.class);

        assertThat(problems).singleElement().asString()
                .contains("CustomerRegistered revision 1 changed incompatibly")
                .contains("field 'registeredAt' was removed")
                .contains("raise @PublicEvent(revision) of CustomerRegistered to 2 and add an upcaster");
    }

    @Test
    void aRetypedFieldIsRefused() {
        publish(Registered.class);

        assertThat(check(RegisteredAtAsEpochMillis.class)).singleElement().asString()
                .contains("field 'registeredAt' changed type from [string] to [integer]");
    }

    @Test
    void aFieldThatMayNowBeMissingIsRefused() {
        publish(Registered.class);

        assertThat(check(RegisteredWithOptionalCustomerId.class)).singleElement().asString()
                .contains("field 'customerId' is no longer required")
                .contains("field 'customerId' may now be null");
    }

    @Test
    void anAddedRequiredFieldIsRefused() {
        publish(Registered.class);

        assertThat(check(RegisteredWithRequiredSource.class)).singleElement().asString()
                .contains("field 'source' was added as a required field");
    }

    @Test
    void markingAFieldAsPersonalDataIsRefusedBecauseSomeClientsStopReceivingIt() {
        publish(Registered.class);

        assertThat(check(RegisteredWithPersonalCustomerId.class)).singleElement().asString()
                .contains("field 'customerId' became personal data")
                .contains("field 'customerId' is no longer required");
    }

    @Test
    void aNewEnumValueIsRefusedBecauseReadersOfThePublishedSchemaWouldRejectIt() {
        publish(Paused.class);

        assertThat(check(PausedForCompliance.class)).singleElement().asString()
                .contains("CampaignPaused revision 1 changed incompatibly")
                .contains("field 'reason' gained the values [COMPLIANCE]");
    }

    @Test
    void aBreakingChangeIsNotRecordedByAnUpdate() throws IOException {
        publish(Registered.class);
        String published = Files.readString(snapshot(1));

        SchemaSnapshots.Outcome outcome = new SchemaSnapshots(snapshots, List.of(RegisteredAtAsEpochMillis.class))
                .update();

        assertThat(outcome.written()).isEmpty();
        assertThat(outcome.problems()).singleElement().asString().contains("changed incompatibly");
        assertThat(Files.readString(snapshot(1))).isEqualTo(published);
    }

    @Test
    void anAddedOptionalFieldIsCompatibleAndAnUpdateRecordsIt() throws IOException {
        publish(Registered.class);

        assertThat(check(RegisteredWithOptionalReferrer.class)).singleElement().asString()
                .contains("CustomerRegistered revision 1 changed compatibly")
                .contains("-Dmms.schemas.update=true");
        SchemaSnapshots.Outcome outcome = update(RegisteredWithOptionalReferrer.class);

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.written()).containsExactly("CustomerRegistered/1.json");
        assertThat(Files.readString(snapshot(1))).contains("\"referrer\"");
        assertThat(check(RegisteredWithOptionalReferrer.class)).isEmpty();
    }

    @Test
    void aNewRevisionGetsASnapshotBesideThePublishedOne() throws IOException {
        publish(Registered.class);
        String revisionOne = Files.readString(snapshot(1));

        assertThat(check(RegisteredRevisionTwo.class)).singleElement().asString()
                .contains("CustomerRegistered revision 2 has no snapshot yet");
        SchemaSnapshots.Outcome outcome = update(RegisteredRevisionTwo.class);

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.written()).containsExactly("CustomerRegistered/2.json");
        assertThat(Files.readString(snapshot(1))).isEqualTo(revisionOne);
        assertThat(Files.readString(snapshot(2))).contains("urn:mms:event:CustomerRegistered:2")
                .doesNotContain("\"name\"");
        assertThat(check(RegisteredRevisionTwo.class)).isEmpty();
    }

    @Test
    void aRevisionWithoutTheSnapshotsOfTheEarlierOnesIsRefused() {
        SchemaSnapshots.Outcome outcome = update(RegisteredRevisionTwo.class);

        assertThat(outcome.problems()).singleElement().asString()
                .contains("CustomerRegistered revision 1 has no snapshot");
    }

    @Test
    void aSnapshotOfNoPublicEventIsReported() throws IOException {
        publish(Registered.class);
        Files.createDirectories(snapshots.resolve("CustomerForgotten"));
        Files.writeString(snapshots.resolve("CustomerForgotten/1.json"), "{}");

        assertThat(check(Registered.class)).singleElement().asString()
                .contains("'CustomerForgotten' belong to no public event");
    }

    private void publish(Class<?> event) {
        assertThat(update(event).problems()).isEmpty();
        assertThat(check(event)).isEmpty();
    }

    private SchemaSnapshots.Outcome update(Class<?> event) {
        return new SchemaSnapshots(snapshots, List.of(event)).update();
    }

    private List<String> check(Class<?> event) {
        return new SchemaSnapshots(snapshots, List.of(event)).check();
    }

    private Path snapshot(int revision) {
        return snapshots.resolve("CustomerRegistered").resolve(revision + ".json");
    }
}
