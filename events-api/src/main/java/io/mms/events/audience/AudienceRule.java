package io.mms.events.audience;

import io.mms.events.Nullable;
import io.mms.events.customer.LifecycleStage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which customers a campaign is meant for. A customer belongs to the audience when every
 * condition the rule sets holds; a condition left empty (or null) does not narrow it.
 *
 * <ul>
 *   <li>tags: the customer carries {@link TagMatch#ANY any} or {@link TagMatch#ALL all} of
 *       {@code tags} (compared exactly, case included);</li>
 *   <li>stages: the customer's lifecycle stage is one of {@code stages};</li>
 *   <li>attributes: for every entry, the customer has that attribute with exactly that value;</li>
 *   <li>registration: the customer registered strictly after {@code registeredAfter} and
 *       strictly before {@code registeredBefore}.</li>
 * </ul>
 *
 * <p>The rule is never the whole story: a customer is only ever reached when they have also
 * given consent for the campaign's channel. That check is not part of the rule (consent can
 * change at any moment), and the delivery step makes it at send time, for every message.
 *
 * <p>This is the single copy of the rule's meaning, shared by the command side and the read
 * models: {@link #matches(CustomerFacts)} is pure and depends on nothing but its arguments.
 *
 * @param tagMatch         how {@code tags} must be met; ANY when not given
 * @param tags             tags to look for; empty for no tag condition
 * @param stages           lifecycle stages to accept; empty for no stage condition
 * @param attributes       attribute values the customer must have; empty for none
 * @param registeredAfter  exclusive lower bound of the registration time, or null
 * @param registeredBefore exclusive upper bound of the registration time, or null
 */
public record AudienceRule(
        TagMatch tagMatch,
        Set<String> tags,
        Set<LifecycleStage> stages,
        Map<String, String> attributes,
        @Nullable Instant registeredAfter,
        @Nullable Instant registeredBefore) {

    public AudienceRule {
        tagMatch = tagMatch == null ? TagMatch.ANY : tagMatch;
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        stages = stages == null ? Set.of() : Set.copyOf(stages);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** Whether a customer with these facts belongs to the audience (consent aside, see above). */
    public boolean matches(CustomerFacts customer) {
        return tagsMatch(customer.tags())
                && stageMatches(customer.stage())
                && customer.attributes().entrySet().containsAll(attributes.entrySet())
                && registrationMatches(customer.registeredAt());
    }

    /**
     * What makes the rule unusable, in words a marketer can act on: a rule without any
     * condition (it would silently target everyone), blank tags or attribute keys, and a
     * registration window that no instant fits into. Empty when the rule is sound.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (setsNoCondition()) {
            problems.add("the audience rule sets no condition;"
                    + " name tags, stages, attributes or a registration window");
        }
        if (tags.stream().anyMatch(String::isBlank)) {
            problems.add("tags must not be blank");
        }
        if (attributes.keySet().stream().anyMatch(String::isBlank)) {
            problems.add("attribute keys must not be blank");
        }
        if (registeredAfter != null && registeredBefore != null && !registeredAfter.isBefore(registeredBefore)) {
            problems.add("registeredAfter " + registeredAfter + " must be before registeredBefore "
                    + registeredBefore + ", or no customer can match");
        }
        return problems;
    }

    private boolean setsNoCondition() {
        return tags.isEmpty() && stages.isEmpty() && attributes.isEmpty()
                && registeredAfter == null && registeredBefore == null;
    }

    private boolean tagsMatch(Set<String> customerTags) {
        if (tags.isEmpty()) {
            return true;
        }
        return switch (tagMatch) {
            case ANY -> tags.stream().anyMatch(customerTags::contains);
            case ALL -> customerTags.containsAll(tags);
        };
    }

    private boolean stageMatches(LifecycleStage stage) {
        return stages.isEmpty() || (stage != null && stages.contains(stage));
    }

    private boolean registrationMatches(Instant registeredAt) {
        if (registeredAfter == null && registeredBefore == null) {
            return true;
        }
        return registeredAt != null
                && (registeredAfter == null || registeredAt.isAfter(registeredAfter))
                && (registeredBefore == null || registeredAt.isBefore(registeredBefore));
    }
}
