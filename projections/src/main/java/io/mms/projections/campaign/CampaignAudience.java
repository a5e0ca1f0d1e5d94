package io.mms.projections.campaign;

import io.mms.events.audience.AudienceRule;
import io.mms.events.audience.TagMatch;
import io.mms.events.customer.LifecycleStage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A campaign's audience rule as frontends show it, with its sets in a stable order.
 *
 * @param attributes attribute values the customer must have, ordered by key
 */
public record CampaignAudience(
        TagMatch tagMatch,
        List<String> tags,
        List<LifecycleStage> stages,
        List<Condition> attributes,
        Instant registeredAfter,
        Instant registeredBefore) {

    static CampaignAudience of(AudienceRule rule) {
        return new CampaignAudience(rule.tagMatch(), rule.tags().stream().sorted().toList(),
                rule.stages().stream().sorted().toList(),
                rule.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(entry -> new Condition(entry.getKey(), entry.getValue())).toList(),
                rule.registeredAfter(), rule.registeredBefore());
    }

    /** An attribute the customer must have with exactly this value. */
    public record Condition(String key, String value) {
    }
}
