package io.mms.launcher;

import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mms.launcher.GraphQlErrors.singleError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Segments as a marketer uses them: save a rule, watch its members follow the customers. */
class SegmentsTest {

    private static final Duration PROJECTION_LAG = Duration.ofSeconds(20);

    @TempDir
    static Path dataDirectory;

    private static RunningMms mms;

    @BeforeAll
    static void start() {
        mms = RunningMms.start(dataDirectory);
    }

    @AfterAll
    static void stop() {
        mms.close();
    }

    @Test
    void membersAndCountFollowTaggingAndEachMemberNamesTheEventThatPutThemIn() {
        String tag = uniqueTag();
        String segmentId = save("Fans of " + tag, tagged(tag));
        String ada = register("ada");
        String grace = register("grace");
        tag(ada, tag);
        tag(grace, tag);

        // members come from this read model, their profiles from customer-profiles: wait for both
        eventually().untilAsserted(() -> segment(segmentId).path("segment.count").entity(Long.class).isEqualTo(2L)
                .path("segment.members.edges[*].node.customer.id").entityList(String.class)
                .containsExactly(ada, grace));
        segment(segmentId)
                .path("segment.members.edges[0].node.customer.email").entity(String.class)
                .satisfies(email -> assertThat(email).startsWith("ada-"))
                .path("segment.members.edges[0].node.joinedBy.type").entity(String.class)
                .isEqualTo("CustomerTagAdded")
                .path("segment.rule.tags").entityList(String.class).containsExactly(tag);

        mms.graphQl().documentName("removeCustomerTag").variable("id", ada).variable("tag", tag).executeAndVerify();

        eventually().untilAsserted(() -> assertThat(count(segmentId)).isEqualTo(1));
        segment(segmentId).path("segment.members.edges[*].node.customer.id").entityList(String.class)
                .containsExactly(grace);
    }

    @Test
    void changingTheRuleMeasuresEveryCustomerAgain() {
        String before = uniqueTag();
        String after = uniqueTag();
        String ada = register("ada");
        String grace = register("grace");
        tag(ada, before);
        tag(grace, after);
        String segmentId = save("Moving target", tagged(before));
        eventually().untilAsserted(() -> assertThat(count(segmentId)).isEqualTo(1));

        mms.graphQl().documentName("changeSegmentRule").variable("id", segmentId).variable("rule", tagged(after))
                .executeAndVerify();

        eventually().untilAsserted(() -> segment(segmentId)
                .path("segment.members.edges[*].node.customer.id").entityList(String.class).containsExactly(grace));
        segment(segmentId).path("segment.members.edges[0].node.joinedBy.type").entity(String.class)
                .isEqualTo("SegmentRuleChanged");
    }

    @Test
    void aDeletedSegmentDisappearsAndCannotBeChanged() {
        String segmentId = save("Short-lived", tagged(uniqueTag()));
        eventually().untilAsserted(() -> segment(segmentId).path("segment.id").hasValue());

        mms.graphQl().documentName("deleteSegment").variable("id", segmentId).executeAndVerify();

        eventually().untilAsserted(() -> segment(segmentId).path("segment").valueIsNull());
        ResponseError renamed = singleError(mms.graphQl().documentName("renameSegment")
                .variable("id", segmentId).variable("name", "Back again"));
        assertThat(renamed.getExtensions()).containsEntry("code", "NOT_FOUND");
    }

    @Test
    void aRuleWithoutConditionsIsAValidationError() {
        ResponseError error = singleError(mms.graphQl().documentName("saveSegment")
                .variable("name", "Everyone").variable("rule", Map.of()));

        assertThat(error.getExtensions()).containsEntry("code", "VALIDATION");
        assertThat(error.getMessage()).contains("sets no condition");
    }

    /** A segment that is not projected yet reads as null, which fails a path: wait through that too. */
    private static ConditionFactory eventually() {
        return await().atMost(PROJECTION_LAG).ignoreExceptions();
    }

    private static String save(String name, Map<String, Object> rule) {
        return mms.graphQl().documentName("saveSegment").variable("name", name).variable("rule", rule)
                .execute().path("saveSegment.segmentId").entity(String.class).get();
    }

    private static GraphQlTester.Response segment(String segmentId) {
        return mms.graphQl().documentName("segment").variable("id", segmentId).execute();
    }

    private static long count(String segmentId) {
        return segment(segmentId).path("segment.count").entity(Long.class).get();
    }

    private static String register(String name) {
        return mms.graphQl().documentName("registerCustomer")
                .variable("email", name + "-" + UUID.randomUUID() + "@example.com").variable("name", name)
                .execute().path("registerCustomer.customerId").entity(String.class).get();
    }

    private static void tag(String customerId, String tag) {
        mms.graphQl().documentName("addCustomerTag").variable("id", customerId).variable("tag", tag)
                .executeAndVerify();
    }

    private static Map<String, Object> tagged(String tag) {
        return Map.of("tags", List.of(tag));
    }

    /** Tags are stored lower-cased, and rules compare them exactly. */
    private static String uniqueTag() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

}
