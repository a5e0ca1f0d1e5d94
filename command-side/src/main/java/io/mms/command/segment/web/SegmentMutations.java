package io.mms.command.segment.web;

import io.mms.command.segment.ChangeSegmentRule;
import io.mms.command.segment.DeleteSegment;
import io.mms.command.segment.RenameSegment;
import io.mms.command.segment.SaveSegment;
import io.mms.events.audience.AudienceRule;
import io.mms.events.audience.TagMatch;
import io.mms.events.customer.LifecycleStage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@Controller
class SegmentMutations {

    private final CommandGateway commands;

    SegmentMutations(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    SegmentPayload saveSegment(@Argument SaveSegmentInput input) {
        String segmentId = UUID.randomUUID().toString();
        return send(segmentId, new SaveSegment(segmentId, input.name(), toRule(input.rule())));
    }

    @MutationMapping
    SegmentPayload renameSegment(@Argument RenameSegmentInput input) {
        return send(input.segmentId(), new RenameSegment(input.segmentId(), input.name()));
    }

    @MutationMapping
    SegmentPayload changeSegmentRule(@Argument ChangeSegmentRuleInput input) {
        return send(input.segmentId(), new ChangeSegmentRule(input.segmentId(), toRule(input.rule())));
    }

    @MutationMapping
    SegmentPayload deleteSegment(@Argument DeleteSegmentInput input) {
        return send(input.segmentId(), new DeleteSegment(input.segmentId()));
    }

    private SegmentPayload send(String segmentId, Object command) {
        commands.sendAndWait(command);
        return new SegmentPayload(segmentId);
    }

    /** The schema shares AudienceRuleInput with campaigns; a key given twice keeps its last value there too. */
    private static AudienceRule toRule(RuleInput input) {
        if (input == null) {
            return null;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (input.attributes() != null) {
            input.attributes().forEach(attribute -> attributes.put(attribute.key(), attribute.value()));
        }
        return new AudienceRule(input.tagMatch(), input.tags() == null ? null : Set.copyOf(input.tags()),
                input.stages() == null ? null : Set.copyOf(input.stages()), attributes,
                input.registeredAfter(), input.registeredBefore());
    }

    record SaveSegmentInput(String name, RuleInput rule) {
    }

    record RenameSegmentInput(String segmentId, String name) {
    }

    record ChangeSegmentRuleInput(String segmentId, RuleInput rule) {
    }

    record DeleteSegmentInput(String segmentId) {
    }

    record RuleInput(TagMatch tagMatch, List<String> tags, List<LifecycleStage> stages,
                     List<AttributeInput> attributes, Instant registeredAfter, Instant registeredBefore) {
    }

    record AttributeInput(String key, String value) {
    }

    record SegmentPayload(String segmentId) {
    }
}
