package io.mms.projections.rebuild;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.mms.projections.EmbeddedMongo;
import io.mms.projections.ReadModelStoreConfiguration;
import io.mms.projections.customer.CustomerProfiles;
import io.mms.projections.support.ReadModelVersions;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database side of a rebuild: every step leaves the read model whole, and can be repeated after a crash. */
class RebuildWorkspaceTest {

    private static final String LIVE = CustomerProfiles.PROCESSOR;
    private static final String REBUILD = Rebuilds.processorOf(LIVE);
    private static final Rebuild SWITCHING = new Rebuild(LIVE, RebuildState.SWITCHING, 0, 1,
            Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T09:00:01Z"), null, 42, 100.0);

    private EmbeddedMongo mongo;
    private MongoDatabase database;
    private MongoTemplate template;
    private ReadModelVersions versions;
    private RebuildWorkspace workspace;

    @BeforeEach
    void startMongo() {
        mongo = new EmbeddedMongo();
        database = mongo.readModelDatabase();
        template = DefaultMongoTemplate.builder().mongoDatabase(database).build();
        versions = new ReadModelVersions(database, ReadModelStoreConfiguration.READ_MODELS, Clock.systemUTC());
        workspace = new RebuildWorkspace(mongo.client(), database, template, versions);
    }

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void theSwitchHandsTheRebuildsVersionTokenAndDeadLettersToTheReadModel() throws InterruptedException {
        storeTokens(LIVE, "live", 0, 1);
        storeTokens(REBUILD, "rebuilt", 0, 1, 2);
        park(LIVE, "parked live");
        park(LIVE, "parked live");
        park(REBUILD, "parked by the rebuild");

        workspace.switchTo(SWITCHING);

        assertThat(versions.liveVersion(LIVE)).isEqualTo(1);
        assertThat(tokensOf(LIVE)).extracting(token -> token.getString("token"), token -> token.get("owner"))
                .containsOnly(org.assertj.core.groups.Tuple.tuple("rebuilt", null));
        assertThat(tokensOf(LIVE)).extracting(token -> token.getInteger("segment")).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(tokensOf(REBUILD)).isEmpty();
        assertThat(deadLettersOf(LIVE)).containsExactly("parked by the rebuild");
        assertThat(deadLettersOf(REBUILD)).isEmpty();
    }

    @Test
    void aSwitchCutShortAfterTheVersionChangedIsCompletedByDoingItAgain() throws InterruptedException {
        storeTokens(LIVE, "live", 0);
        storeTokens(REBUILD, "rebuilt", 0);
        park(LIVE, "parked live");
        park(REBUILD, "parked by the rebuild");
        template.deadLetterCollection().deleteMany(eq("processingGroup", LIVE));
        versions.switchTo(LIVE, 1);

        workspace.switchTo(SWITCHING);
        workspace.switchTo(SWITCHING);

        assertThat(tokensOf(LIVE)).extracting(token -> token.getString("token")).containsExactly("rebuilt");
        assertThat(deadLettersOf(LIVE)).containsExactly("parked by the rebuild");
    }

    @Test
    void preparingAVersionStartsItEmptyWithItsIndexes() {
        MongoCollection<Document> leftover = database.getCollection("customer_profiles_v1");
        leftover.insertOne(new Document("_id", "cu-left-over"));
        storeTokens(REBUILD, "from an earlier attempt", 0);

        workspace.prepare(CustomerProfiles.READ_MODEL, 1);

        assertThat(leftover.countDocuments()).isZero();
        assertThat(leftover.listIndexes().into(new ArrayList<>())).hasSizeGreaterThan(1);
        assertThat(tokensOf(REBUILD)).isEmpty();
    }

    @Test
    void discardingAVersionRemovesItsCollectionsTokenAndDeadLetters() {
        database.getCollection("customer_profiles").insertOne(new Document("_id", "cu-live"));
        database.getCollection("customer_profiles_v1").insertOne(new Document("_id", "cu-rebuilt"));
        storeTokens(REBUILD, "rebuilt", 0);
        park(REBUILD, "parked by the rebuild");

        workspace.discard(CustomerProfiles.READ_MODEL, 1);

        assertThat(collectionNames()).doesNotContain("customer_profiles_v1");
        assertThat(database.getCollection("customer_profiles").countDocuments()).isEqualTo(1);
        assertThat(tokensOf(REBUILD)).isEmpty();
        assertThat(deadLettersOf(REBUILD)).isEmpty();
    }

    @Test
    void theLiveVersionIsNeverDiscarded() {
        database.getCollection("customer_profiles").insertOne(new Document("_id", "cu-live"));

        assertThatThrownBy(() -> workspace.discard(CustomerProfiles.READ_MODEL, 0))
                .isInstanceOf(IllegalStateException.class);
        assertThat(database.getCollection("customer_profiles").countDocuments()).isEqualTo(1);
    }

    @Test
    void retiredVersionsAreDroppedAndTheLiveOneAndTheOneInTheMakingKept() {
        for (String name : List.of("customer_profiles", "customer_profiles_v1", "customer_profiles_v2",
                "customer_profiles_v3", "customer_profiles_copy")) {
            database.getCollection(name).insertOne(new Document("_id", "cu-1"));
        }

        List<String> dropped = workspace.dropRetired(CustomerProfiles.READ_MODEL, Set.of(2, 3));

        assertThat(dropped).containsExactlyInAnyOrder("customer_profiles", "customer_profiles_v1");
        assertThat(collectionNames())
                .contains("customer_profiles_v2", "customer_profiles_v3", "customer_profiles_copy")
                .doesNotContain("customer_profiles", "customer_profiles_v1");
    }

    /** Token documents as Axon's Mongo token store keeps them; the token itself stands in as text. */
    private void storeTokens(String processor, String token, int... segments) {
        for (int segment : segments) {
            template.trackingTokensCollection().insertOne(new Document("processorName", processor)
                    .append("segment", segment).append("owner", "node-a").append("timestamp", 1L)
                    .append("token", token).append("tokenType", "text"));
        }
    }

    private void park(String processingGroup, String what) {
        template.deadLetterCollection().insertOne(new Document("processingGroup", processingGroup)
                .append("sequenceIdentifier", what + "-" + System.nanoTime()).append("what", what));
    }

    private List<Document> tokensOf(String processor) {
        return template.trackingTokensCollection().find(eq("processorName", processor)).into(new ArrayList<>());
    }

    private List<String> deadLettersOf(String processingGroup) {
        return template.deadLetterCollection().find(eq("processingGroup", processingGroup))
                .map(letter -> letter.getString("what")).into(new ArrayList<>());
    }

    private List<String> collectionNames() {
        return database.listCollectionNames().into(new ArrayList<>());
    }
}
