package io.mms.events.audience;

import io.mms.events.customer.LifecycleStage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static io.mms.events.customer.LifecycleStage.CUSTOMER;
import static io.mms.events.customer.LifecycleStage.LEAD;
import static io.mms.events.customer.LifecycleStage.MARKETING_QUALIFIED;
import static org.assertj.core.api.Assertions.assertThat;

class AudienceRuleTest {

    private static final Instant JANUARY = Instant.parse("2026-01-15T00:00:00Z");
    private static final Instant MARCH = Instant.parse("2026-03-15T00:00:00Z");
    private static final Instant MAY = Instant.parse("2026-05-15T00:00:00Z");

    @Test
    void anyTagMatchesACustomerWithOneOfTheTags() {
        AudienceRule rule = tags(TagMatch.ANY, "vip", "newsletter");

        assertThat(rule.matches(taggedWith("newsletter"))).isTrue();
        assertThat(rule.matches(taggedWith("other"))).isFalse();
    }

    @Test
    void allTagsMatchOnlyACustomerWithEveryTag() {
        AudienceRule rule = tags(TagMatch.ALL, "vip", "newsletter");

        assertThat(rule.matches(taggedWith("vip", "newsletter", "other"))).isTrue();
        assertThat(rule.matches(taggedWith("vip"))).isFalse();
    }

    @Test
    void tagsWithoutAMatchModeMeanAnyOfThem() {
        AudienceRule rule = tags(null, "vip", "newsletter");

        assertThat(rule.tagMatch()).isEqualTo(TagMatch.ANY);
        assertThat(rule.matches(taggedWith("vip"))).isTrue();
    }

    @Test
    void stagesMatchACustomerInAnyOfThem() {
        AudienceRule rule = new AudienceRule(null, null, Set.of(LEAD, MARKETING_QUALIFIED), null, null, null);

        assertThat(rule.matches(inStage(MARKETING_QUALIFIED))).isTrue();
        assertThat(rule.matches(inStage(CUSTOMER))).isFalse();
        assertThat(rule.matches(inStage(null))).isFalse();
    }

    @Test
    void attributesMustAllHaveExactlyTheGivenValues() {
        AudienceRule rule = new AudienceRule(null, null, null, Map.of("country", "NL", "plan", "pro"), null, null);

        assertThat(rule.matches(withAttributes(Map.of("country", "NL", "plan", "pro", "x", "y")))).isTrue();
        assertThat(rule.matches(withAttributes(Map.of("country", "NL", "plan", "free")))).isFalse();
        assertThat(rule.matches(withAttributes(Map.of("country", "NL")))).isFalse();
    }

    @Test
    void registrationWindowExcludesItsBoundsAndUnknownDates() {
        AudienceRule rule = new AudienceRule(null, null, null, null, JANUARY, MAY);

        assertThat(rule.matches(registeredAt(MARCH))).isTrue();
        assertThat(rule.matches(registeredAt(JANUARY))).isFalse();
        assertThat(rule.matches(registeredAt(MAY))).isFalse();
        assertThat(rule.matches(registeredAt(null))).isFalse();
    }

    @Test
    void openEndedRegistrationBoundsNarrowOnlyOneSide() {
        assertThat(new AudienceRule(null, null, null, null, MARCH, null).matches(registeredAt(MAY))).isTrue();
        assertThat(new AudienceRule(null, null, null, null, null, MARCH).matches(registeredAt(MAY))).isFalse();
    }

    @Test
    void everyConditionMustHoldAtOnce() {
        AudienceRule rule = new AudienceRule(TagMatch.ANY, Set.of("vip"), Set.of(CUSTOMER), Map.of(), JANUARY, null);

        assertThat(rule.matches(new CustomerFacts(Set.of("vip"), CUSTOMER, null, MARCH))).isTrue();
        assertThat(rule.matches(new CustomerFacts(Set.of("vip"), LEAD, null, MARCH))).isFalse();
        assertThat(rule.matches(new CustomerFacts(Set.of(), CUSTOMER, null, MARCH))).isFalse();
    }

    @Test
    void aSoundRuleHasNoProblems() {
        assertThat(tags(TagMatch.ALL, "vip").problems()).isEmpty();
    }

    @Test
    void aRuleWithoutAnyConditionIsAProblem() {
        AudienceRule empty = new AudienceRule(TagMatch.ALL, Set.of(), null, Map.of(), null, null);

        assertThat(empty.problems()).singleElement().asString().contains("no condition");
    }

    @Test
    void aRegistrationWindowThatNothingFitsIsAProblem() {
        assertThat(new AudienceRule(null, null, null, null, MAY, JANUARY).problems())
                .singleElement().asString().contains("registeredAfter");
        assertThat(new AudienceRule(null, null, null, null, MAY, MAY).problems()).hasSize(1);
    }

    @Test
    void blankTagsAndAttributeKeysAreProblems() {
        assertThat(tags(TagMatch.ANY, " ").problems()).containsExactly("tags must not be blank");
        assertThat(new AudienceRule(null, null, null, Map.of("", "x"), null, null).problems())
                .containsExactly("attribute keys must not be blank");
    }

    private static AudienceRule tags(TagMatch match, String... tags) {
        return new AudienceRule(match, Set.of(tags), null, null, null, null);
    }

    private static CustomerFacts taggedWith(String... tags) {
        return new CustomerFacts(Set.of(tags), LEAD, Map.of(), MARCH);
    }

    private static CustomerFacts inStage(LifecycleStage stage) {
        return new CustomerFacts(Set.of(), stage, Map.of(), MARCH);
    }

    private static CustomerFacts withAttributes(Map<String, String> attributes) {
        return new CustomerFacts(Set.of(), LEAD, attributes, MARCH);
    }

    private static CustomerFacts registeredAt(Instant registeredAt) {
        return new CustomerFacts(Set.of(), LEAD, Map.of(), registeredAt);
    }
}
