package io.mms.command.segment;

import io.mms.events.audience.AudienceRule;
import io.mms.events.audience.TagMatch;
import io.mms.events.customer.LifecycleStage;
import io.mms.events.segment.SegmentDeleted;
import io.mms.events.segment.SegmentRenamed;
import io.mms.events.segment.SegmentRuleChanged;
import io.mms.events.segment.SegmentSaved;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static io.mms.command.rejection.CommandRejected.Reason.NOT_FOUND;
import static io.mms.command.rejection.CommandRejected.Reason.VALIDATION;
import static io.mms.command.rejection.Rejections.rejectedFor;
import static org.hamcrest.Matchers.containsString;

class SegmentTest {

    private static final Instant SAVED_AT = Instant.parse("2026-03-01T09:30:00Z");
    private static final Instant LATER = Instant.parse("2026-03-02T10:00:00Z");
    private static final AudienceRule VIPS = tagged("vip");
    private static final SegmentSaved SAVED = new SegmentSaved("se-1", "VIPs", VIPS, SAVED_AT);

    private AggregateTestFixture<Segment> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Segment.class);
    }

    @Test
    void savingRecordsTheTrimmedNameAndTheRule() {
        fixture.givenCurrentTime(SAVED_AT)
                .when(new SaveSegment("se-1", "  VIPs ", VIPS))
                .expectEvents(SAVED);
    }

    @Test
    void savingWithoutANameIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new SaveSegment("se-1", " ", VIPS))
                .expectException(rejectedFor(VALIDATION))
                .expectNoEvents();
    }

    @Test
    void savingARuleWithoutConditionsIsRejectedNamingTheProblem() {
        fixture.givenNoPriorActivity()
                .when(new SaveSegment("se-1", "Everyone", new AudienceRule(null, null, null, null, null, null)))
                .expectException(rejectedFor(VALIDATION))
                .expectExceptionMessage(containsString("sets no condition"))
                .expectNoEvents();
    }

    @Test
    void savingWithoutARuleIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new SaveSegment("se-1", "VIPs", null))
                .expectException(rejectedFor(VALIDATION))
                .expectNoEvents();
    }

    @Test
    void renamingRecordsTheNewName() {
        fixture.given(SAVED)
                .andGivenCurrentTime(LATER)
                .when(new RenameSegment("se-1", "Top customers"))
                .expectEvents(new SegmentRenamed("se-1", "Top customers", LATER));
    }

    @Test
    void renamingToTheSameNameWritesNothing() {
        fixture.given(SAVED)
                .when(new RenameSegment("se-1", " VIPs"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changingTheRuleRecordsTheNewRule() {
        AudienceRule customers = new AudienceRule(TagMatch.ALL, Set.of("vip"),
                Set.of(LifecycleStage.CUSTOMER), null, null, null);

        fixture.given(SAVED)
                .andGivenCurrentTime(LATER)
                .when(new ChangeSegmentRule("se-1", customers))
                .expectEvents(new SegmentRuleChanged("se-1", customers, LATER));
    }

    @Test
    void changingToAnEqualRuleWritesNothing() {
        fixture.given(SAVED)
                .when(new ChangeSegmentRule("se-1", tagged("vip")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changingToAnImpossibleRuleIsRejected() {
        AudienceRule impossible = new AudienceRule(null, null, null, null, LATER, SAVED_AT);

        fixture.given(SAVED)
                .when(new ChangeSegmentRule("se-1", impossible))
                .expectException(rejectedFor(VALIDATION))
                .expectNoEvents();
    }

    @Test
    void deletingRecordsTheDeletion() {
        fixture.given(SAVED)
                .andGivenCurrentTime(LATER)
                .when(new DeleteSegment("se-1"))
                .expectEvents(new SegmentDeleted("se-1", LATER));
    }

    @Test
    void deletingTwiceWritesNothingTheSecondTime() {
        fixture.given(SAVED, new SegmentDeleted("se-1", LATER))
                .when(new DeleteSegment("se-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeletedSegmentCannotBeRenamedOrChanged() {
        fixture.given(SAVED, new SegmentDeleted("se-1", LATER))
                .when(new RenameSegment("se-1", "Again"))
                .expectException(rejectedFor(NOT_FOUND))
                .expectNoEvents();
        fixture.given(SAVED, new SegmentDeleted("se-1", LATER))
                .when(new ChangeSegmentRule("se-1", tagged("gold")))
                .expectException(rejectedFor(NOT_FOUND))
                .expectNoEvents();
    }

    private static AudienceRule tagged(String tag) {
        return new AudienceRule(TagMatch.ANY, Set.of(tag), null, null, null, null);
    }
}
