package io.mms.projections.support;

import com.mongodb.client.MongoDatabase;
import io.mms.projections.EmbeddedMongo;
import io.mms.projections.ReadModelStoreConfiguration;
import io.mms.events.customer.CustomerRegistered;
import io.mms.projections.customer.CustomerProfile;
import io.mms.projections.customer.CustomerProfileProjection;
import io.mms.projections.customer.CustomerProfiles;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Readers, handlers and writers name collections as always and reach the version they should use. */
class VersionedCollectionsTest {

    private static final ReadModelCollection PROFILES = CustomerProfiles.COLLECTION;

    private EmbeddedMongo mongo;
    private MongoDatabase database;
    private ReadModelVersions versions;
    private MongoDatabase live;

    @BeforeEach
    void startMongo() {
        mongo = new EmbeddedMongo();
        database = mongo.readModelDatabase();
        versions = newProcess();
        live = VersionedCollections.live(database, versions);
    }

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void aReaderMadeBeforeASwitchReadsTheNewVersionAfterIt() {
        CustomerProfiles profiles = new CustomerProfiles(live);
        storeProfile(0, "Ada as first projected");
        storeProfile(1, "Ada as rebuilt");
        assertThat(profiles.byId("cu-1")).get().extracting(CustomerProfile::name).isEqualTo("Ada as first projected");

        versions.switchTo(CustomerProfiles.PROCESSOR, 1);

        assertThat(profiles.byId("cu-1")).get().extracting(CustomerProfile::name).isEqualTo("Ada as rebuilt");
    }

    @Test
    void anotherProcessSeesTheSwitchWithinTheTimeItCachesVersions() {
        ReadModelVersions elsewhere = newProcess();
        assertThat(elsewhere.liveVersion(CustomerProfiles.PROCESSOR)).isZero();

        versions.switchTo(CustomerProfiles.PROCESSOR, 1);

        await().atMost(ReadModelVersions.CACHED_FOR.plus(Duration.ofMillis(200)))
                .until(() -> elsewhere.liveVersion(CustomerProfiles.PROCESSOR) == 1);
        assertThat(elsewhere.switchedAt(CustomerProfiles.PROCESSOR)).isPresent();
    }

    @Test
    void aWriterThroughTheLiveViewWritesTheLiveVersion() {
        versions.switchTo(CustomerProfiles.PROCESSOR, 2);

        new ProjectionWriter(live).write(PROFILES,
                DocumentWrites.create("cu-1", 7, new Document("name", "Ada")));

        assertThat(idsIn("customer_profiles_v2")).containsExactly("cu-1");
        assertThat(idsIn("customer_profiles")).isEmpty();
    }

    @Test
    void aVersionViewWritesOnlyThatVersionAndPassesOtherCollectionsThrough() {
        MongoDatabase version = VersionedCollections.version(database, CustomerProfiles.READ_MODEL, 3);

        new ProjectionWriter(version).write(PROFILES, DocumentWrites.create("cu-1", 7, new Document("name", "Ada")));
        version.getCollection("trackingtokens").insertOne(new Document("processorName", "elsewhere"));

        assertThat(idsIn("customer_profiles_v3")).containsExactly("cu-1");
        assertThat(idsIn("customer_profiles")).isEmpty();
        assertThat(database.getCollection("trackingtokens").countDocuments()).isEqualTo(1);
    }

    @Test
    void theSchemaPreparesTheIndexesOfTheVersionAViewShows() {
        MongoDatabase version = VersionedCollections.version(database, CustomerProfiles.READ_MODEL, 4);

        new ReadModelSchema(mongo.client(), version).prepare(List.of(CustomerProfiles.READ_MODEL));

        List<Document> indexes = database.getCollection("customer_profiles_v4").listIndexes().into(new ArrayList<>());
        assertThat(indexes).extracting(index -> index.get("key", Document.class).keySet())
                .anySatisfy(keys -> assertThat(keys).containsExactly("emailKey"));
    }

    @Test
    void aNameTellsWhichVersionOfTheCollectionItIs() {
        assertThat(ReadModelVersions.versionOf("customer_profiles", PROFILES)).hasValue(0);
        assertThat(ReadModelVersions.versionOf("customer_profiles_v12", PROFILES)).hasValue(12);
        assertThat(ReadModelVersions.versionOf("customer_profiles_v0", PROFILES)).isEqualTo(OptionalInt.empty());
        assertThat(ReadModelVersions.versionOf("customer_profiles_copy", PROFILES)).isEmpty();
        assertThat(ReadModelVersions.versionOf("campaign_summaries", PROFILES)).isEmpty();
    }

    /** A second ReadModelVersions on the same database stands for another process that reads the read models. */
    private ReadModelVersions newProcess() {
        return new ReadModelVersions(database, ReadModelStoreConfiguration.READ_MODELS, Clock.systemUTC());
    }

    /** Projects a registration into the given version with the live projection's class, as a rebuild does. */
    private void storeProfile(int version, String name) {
        MongoDatabase view = VersionedCollections.version(database, CustomerProfiles.READ_MODEL, version);
        new CustomerProfileProjection(new ProjectionWriter(view)).on(
                new CustomerRegistered("cu-1", "ada@example.com", name, Instant.parse("2026-03-01T09:30:00Z")),
                new GlobalSequenceTrackingToken(1));
    }

    private List<String> idsIn(String collection) {
        return database.getCollection(collection).find().map(document -> document.getString("_id"))
                .into(new ArrayList<>());
    }
}
