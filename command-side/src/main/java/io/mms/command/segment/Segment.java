package io.mms.command.segment;

import io.mms.command.rejection.Check;
import io.mms.command.rejection.CommandRejected;
import io.mms.events.audience.AudienceRule;
import io.mms.events.segment.SegmentDeleted;
import io.mms.events.segment.SegmentRenamed;
import io.mms.events.segment.SegmentRuleChanged;
import io.mms.events.segment.SegmentSaved;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Instant;
import java.util.List;

import static io.mms.command.rejection.CommandRejected.Reason.NOT_FOUND;
import static io.mms.command.rejection.CommandRejected.Reason.VALIDATION;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A segment: a named audience rule whose members the read side keeps current. The aggregate
 * only guards the name and the rule; who belongs is never decided here, because membership
 * follows customers that change all the time and is a view of their facts, not a decision.
 *
 * <p>A deleted segment stays deleted: renaming it or changing its rule is {@code NOT_FOUND},
 * deleting it again succeeds and writes nothing.
 */
public class Segment {

    @AggregateIdentifier
    private String segmentId;

    private String name;
    private AudienceRule rule;
    private boolean deleted;

    /** Axon rebuilds the aggregate from its events through this constructor. */
    protected Segment() {
    }

    @CommandHandler
    public Segment(SaveSegment command) {
        String name = Check.notBlank(command.name(), "name");
        AudienceRule rule = soundRule(command.rule());

        apply(new SegmentSaved(command.segmentId(), name, rule, now()));
    }

    @CommandHandler
    void handle(RenameSegment command) {
        requireExisting();
        String newName = Check.notBlank(command.name(), "name");

        if (!newName.equals(name)) {
            apply(new SegmentRenamed(segmentId, newName, now()));
        }
    }

    @CommandHandler
    void handle(ChangeSegmentRule command) {
        requireExisting();
        AudienceRule newRule = soundRule(command.rule());

        if (!newRule.equals(rule)) {
            apply(new SegmentRuleChanged(segmentId, newRule, now()));
        }
    }

    @CommandHandler
    void handle(DeleteSegment command) {
        if (!deleted) {
            apply(new SegmentDeleted(segmentId, now()));
        }
    }

    @EventSourcingHandler
    void on(SegmentSaved event) {
        segmentId = event.segmentId();
        name = event.name();
        rule = event.rule();
    }

    @EventSourcingHandler
    void on(SegmentRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(SegmentRuleChanged event) {
        rule = event.rule();
    }

    @EventSourcingHandler
    void on(SegmentDeleted event) {
        deleted = true;
    }

    private void requireExisting() {
        if (deleted) {
            throw new CommandRejected(NOT_FOUND, "segment " + segmentId + " was deleted");
        }
    }

    private static AudienceRule soundRule(AudienceRule rule) {
        Check.present(rule, "rule");
        List<String> problems = rule.problems();
        if (!problems.isEmpty()) {
            throw new CommandRejected(VALIDATION, String.join("; ", problems));
        }
        return rule;
    }

    /** The fixture's clock in tests, the wall clock otherwise. */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
