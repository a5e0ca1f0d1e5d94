package io.mms.projections.segment;

import com.mongodb.client.MongoDatabase;
import io.mms.events.audience.AudienceRule;
import io.mms.events.audience.TagMatch;
import io.mms.events.customer.CustomerProfileUpdated;
import io.mms.events.customer.CustomerRegistered;
import io.mms.events.customer.CustomerStageChanged;
import io.mms.events.customer.CustomerTagAdded;
import io.mms.events.customer.CustomerTagRemoved;
import io.mms.events.customer.LifecycleStage;
import io.mms.events.segment.SegmentDeleted;
import io.mms.events.segment.SegmentRenamed;
import io.mms.events.segment.SegmentRuleChanged;
import io.mms.events.segment.SegmentSaved;
import io.mms.projections.EmbeddedMongo;
import io.mms.projections.ScriptedHistory;
import io.mms.projections.support.Page;
import io.mms.projections.support.ProcessorBatches;
import io.mms.projections.support.ProjectionWriter;
import io.mms.projections.support.ReadModelCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentMembershipProjectionTest {

    private static final Instant T = Instant.parse("2026-03-01T09:30:00Z");
    private static final AudienceRule VIPS = tagged("vip");

    private EmbeddedMongo mongo;
    private MongoDatabase database;
    private ProjectionWriter writer;
    private SegmentMembershipProjection projection;
    private SegmentMembership membership;

    @BeforeEach
    void startMongo() {
        mongo = new EmbeddedMongo();
        database = mongo.readModelDatabase();
        writer = new ProjectionWriter(database);
        projection = new SegmentMembershipProjection(writer, database);
        membership = new SegmentMembership(database);
    }

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void customerJoinsWhenTaggedAndTheMembershipNamesTheTagEvent() {
        new ScriptedHistory().then(saved("se-1", VIPS), registered("cu-1"), tagAdded("cu-1", "vip", 3))
                .deliverTo(projection);

        assertThat(members("se-1")).containsExactly(new SegmentMember("se-1", "cu-1", T.plusSeconds(3),
                new SegmentMember.JoinedBy("CustomerTagAdded", "event-3", 3, T.plusSeconds(3))));
        assertThat(membership.count("se-1")).isEqualTo(1);
    }

    @Test
    void customerLeavesWhenUntagged() {
        new ScriptedHistory().then(saved("se-1", VIPS), registered("cu-1"), tagAdded("cu-1", "vip", 3),
                new CustomerTagRemoved("cu-1", "vip", T.plusSeconds(4))).deliverTo(projection);

        assertThat(members("se-1")).isEmpty();
        assertThat(membership.count("se-1")).isZero();
    }

    @Test
    void customersWhoAlreadyMatchJoinWhenTheSegmentIsSaved() {
        new ScriptedHistory().then(registered("cu-1"), tagAdded("cu-1", "vip", 2), registered("cu-2"),
                saved("se-1", VIPS)).deliverTo(projection);

        assertThat(members("se-1")).extracting(SegmentMember::customerId).containsExactly("cu-1");
        assertThat(members("se-1").get(0).joinedBy().type()).isEqualTo("SegmentSaved");
        assertThat(members("se-1").get(0).joinedBy().position()).isEqualTo(4);
    }

    @Test
    void ruleChangeMeasuresEveryCustomerAgain() {
        new ScriptedHistory().then(registered("cu-1"), tagAdded("cu-1", "vip", 2), registered("cu-2"),
                tagAdded("cu-2", "gold", 4), saved("se-1", VIPS),
                new SegmentRuleChanged("se-1", tagged("gold"), T.plusSeconds(6))).deliverTo(projection);

        assertThat(members("se-1")).extracting(SegmentMember::customerId).containsExactly("cu-2");
        assertThat(members("se-1").get(0).joinedBy())
                .isEqualTo(new SegmentMember.JoinedBy("SegmentRuleChanged", "event-6", 6, T.plusSeconds(6)));
    }

    @Test
    void memberWhoStillMatchesAfterARuleChangeKeepsTheEventThatPutThemIn() {
        AudienceRule vipOrGold = new AudienceRule(TagMatch.ANY, Set.of("vip", "gold"), null, null, null, null);
        new ScriptedHistory().then(saved("se-1", VIPS), registered("cu-1"), tagAdded("cu-1", "vip", 3),
                new SegmentRuleChanged("se-1", vipOrGold, T.plusSeconds(4))).deliverTo(projection);

        assertThat(members("se-1").get(0).joinedBy().type()).isEqualTo("CustomerTagAdded");
    }

    @Test
    void stageAttributesAndRegistrationAreMeasured() {
        AudienceRule berlinCustomers = new AudienceRule(null, null, Set.of(LifecycleStage.CUSTOMER),
                Map.of("city", "Berlin"), T.minusSeconds(1), null);
        new ScriptedHistory().then(saved("se-1", berlinCustomers), registered("cu-1"),
                new CustomerProfileUpdated("cu-1", "Ada", null, null, Map.of("city", "Berlin"), T.plusSeconds(3)),
                new CustomerStageChanged("cu-1", LifecycleStage.LEAD, LifecycleStage.CUSTOMER, T.plusSeconds(4)))
                .deliverTo(projection);

        assertThat(members("se-1").get(0).joinedBy().type()).isEqualTo("CustomerStageChanged");
    }

    @Test
    void deletedSegmentIsGoneWithItsMembersAndIgnoresLaterCustomers() {
        new ScriptedHistory().then(saved("se-1", VIPS), registered("cu-1"), tagAdded("cu-1", "vip", 3),
                new SegmentDeleted("se-1", T.plusSeconds(4)), registered("cu-2"), tagAdded("cu-2", "vip", 6))
                .deliverTo(projection);

        assertThat(membership.byId("se-1")).isEmpty();
        assertThat(membership.page(10, null).items()).isEmpty();
        assertThat(membership.count("se-1")).isZero();
    }

    @Test
    void renamedSegmentKeepsItsRuleAndMembers() {
        new ScriptedHistory().then(saved("se-1", VIPS), registered("cu-1"), tagAdded("cu-1", "vip", 3),
                new SegmentRenamed("se-1", "Top customers", T.plusSeconds(4))).deliverTo(projection);

        assertThat(membership.byId("se-1")).contains(new SegmentView("se-1", "Top customers", VIPS, T));
        assertThat(membership.count("se-1")).isEqualTo(1);
    }

    @Test
    void segmentsAndMembersArePagedInTheOrderTheyCame() {
        new ScriptedHistory().then(saved("se-1", VIPS), saved("se-2", tagged("gold")),
                registered("cu-1"), registered("cu-2"), tagAdded("cu-2", "vip", 5), tagAdded("cu-1", "vip", 6))
                .deliverTo(projection);

        Page<SegmentView> first = membership.page(1, null);
        assertThat(first.items()).extracting(item -> item.node().id()).containsExactly("se-1");
        assertThat(membership.page(1, first.items().get(0).cursor()).items())
                .extracting(item -> item.node().id()).containsExactly("se-2");
        Page<SegmentMember> members = membership.members("se-1", 1, null);
        assertThat(members.items()).extracting(item -> item.node().customerId()).containsExactly("cu-2");
        assertThat(members.hasNextPage()).isTrue();
    }

    @Test
    void redeliveredEventsChangeNothing() {
        ScriptedHistory history = busyHistory();
        history.deliverTo(projection);
        String delivered = checksum();

        history.deliverTo(projection, 3);

        assertThat(checksum()).isEqualTo(delivered);
    }

    @Test
    void fullReplayGivesIdenticalDocuments() {
        ScriptedHistory history = busyHistory();
        history.deliverTo(projection);
        String live = checksum();

        projection.reset();
        history.deliverTo(projection);

        assertThat(checksum()).isEqualTo(live);
    }

    @Test
    void batchedDeliveryGivesTheSameDocumentsAsOneEventAtATime() {
        busyHistory().deliverTo(projection);
        String oneByOne = checksum();

        for (int batchSize : List.of(2, 5, 100)) {
            projection.reset();
            ProcessorBatches.deliver(projection, writer, busyEvents(), batchSize);
            assertThat(checksum()).as("batches of %d", batchSize).isEqualTo(oneByOne);
        }
    }

    @Test
    void redeliveredBatchesChangeNothing() {
        ProcessorBatches.deliver(projection, writer, busyEvents(), 4);
        String delivered = checksum();

        ProcessorBatches.deliver(projection, writer, busyEvents(), 3);

        assertThat(checksum()).isEqualTo(delivered);
    }

    private ScriptedHistory busyHistory() {
        return new ScriptedHistory().then(busyEvents().toArray());
    }

    /** Customers and segments changing in turn, so that every kind of event meets every other. */
    private static List<Object> busyEvents() {
        List<Object> events = new ArrayList<>(List.of(
                registered("cu-1"), saved("se-1", VIPS), tagAdded("cu-1", "vip", 3), registered("cu-2"),
                saved("se-2", tagged("gold")), tagAdded("cu-2", "gold", 6), tagAdded("cu-2", "vip", 7),
                new CustomerTagRemoved("cu-1", "vip", T.plusSeconds(8)),
                new SegmentRuleChanged("se-1", tagged("gold"), T.plusSeconds(9)),
                registered("cu-3"), tagAdded("cu-3", "gold", 11),
                new SegmentRenamed("se-2", "Gold", T.plusSeconds(12)),
                new SegmentDeleted("se-2", T.plusSeconds(13)), tagAdded("cu-1", "gold", 14),
                new CustomerStageChanged("cu-3", LifecycleStage.LEAD, LifecycleStage.CUSTOMER, T.plusSeconds(15))));
        return events;
    }

    private List<SegmentMember> members(String segmentId) {
        return membership.members(segmentId, 100, null).items().stream().map(Page.Item::node).toList();
    }

    /** A digest of every document of the read model, in id order. */
    private String checksum() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (ReadModelCollection collection : SegmentMembership.READ_MODEL.collections()) {
                database.getCollection(collection.name()).find().sort(new Document("_id", 1))
                        .forEach(document -> digest.update(document.toJson().getBytes(StandardCharsets.UTF_8)));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
    }

    private static SegmentSaved saved(String segmentId, AudienceRule rule) {
        return new SegmentSaved(segmentId, "Segment " + segmentId, rule, T);
    }

    private static CustomerRegistered registered(String customerId) {
        return new CustomerRegistered(customerId, customerId + "@example.com", "Customer " + customerId, T);
    }

    private static CustomerTagAdded tagAdded(String customerId, String tag, int second) {
        return new CustomerTagAdded(customerId, tag, T.plusSeconds(second));
    }

    private static AudienceRule tagged(String tag) {
        return new AudienceRule(TagMatch.ANY, Set.of(tag), null, null, null, null);
    }
}
