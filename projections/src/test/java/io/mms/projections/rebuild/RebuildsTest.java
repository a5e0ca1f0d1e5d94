package io.mms.projections.rebuild;

import com.mongodb.client.MongoDatabase;
import io.mms.projections.EmbeddedMongo;
import io.mms.projections.ReadModelStoreConfiguration;
import io.mms.projections.customer.CustomerProfiles;
import io.mms.projections.support.DeadLetters;
import io.mms.projections.support.ProcessorTokens;
import io.mms.projections.support.ReadModelVersions;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Asking for rebuilds and cancelling them, as any process may, against the stored rebuilds. */
class RebuildsTest {

    private static final String PROFILES = CustomerProfiles.PROCESSOR;

    private EmbeddedMongo mongo;
    private ReadModelVersions versions;
    private Rebuilds rebuilds;

    @BeforeEach
    void startMongo() {
        mongo = new EmbeddedMongo();
        MongoDatabase database = mongo.readModelDatabase();
        MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(database).build();
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        versions = new ReadModelVersions(database, ReadModelStoreConfiguration.READ_MODELS, Clock.systemUTC());
        rebuilds = new Rebuilds(database, versions, new ProcessorTokens(template, serializer),
                new DeadLetters(template, serializer), Clock.systemUTC());
    }

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void aRebuildBuildsTheVersionAfterTheLiveOne() {
        versions.switchTo(PROFILES, 3);

        Rebuild requested = rebuilds.request(PROFILES);

        assertThat(requested.state()).isEqualTo(RebuildState.REQUESTED);
        assertThat(requested.fromVersion()).isEqualTo(3);
        assertThat(requested.toVersion()).isEqualTo(4);
        assertThat(rebuilds.unfinished()).extracting(Rebuild::readModel).containsExactly(PROFILES);
    }

    @Test
    void askingForASecondRebuildWhileOneIsUnfinishedIsAConflict() {
        rebuilds.request(PROFILES);
        rebuilds.advance(PROFILES, RebuildState.REQUESTED, RebuildState.RUNNING);

        assertThatThrownBy(() -> rebuilds.request(PROFILES))
                .isInstanceOf(RebuildConflict.class).hasMessageContaining("RUNNING");
        assertThat(rebuilds.of(PROFILES)).get().extracting(Rebuild::state).isEqualTo(RebuildState.RUNNING);
    }

    @Test
    void aFinishedRebuildMakesWayForANewOne() {
        rebuilds.request(PROFILES);
        rebuilds.cancel(PROFILES);
        rebuilds.advance(PROFILES, RebuildState.CANCELLING, RebuildState.CANCELLED);

        Rebuild again = rebuilds.request(PROFILES);

        assertThat(again.state()).isEqualTo(RebuildState.REQUESTED);
        assertThat(rebuilds.of(PROFILES)).get().extracting(Rebuild::finishedAt).isNull();
    }

    @Test
    void cancellingWithoutARebuildIsAConflict() {
        assertThatThrownBy(() -> rebuilds.cancel(PROFILES))
                .isInstanceOf(RebuildConflict.class).hasMessageContaining("no rebuild to cancel");
    }

    @Test
    void aSwitchingRebuildCanNoLongerBeCancelled() {
        rebuilds.request(PROFILES);
        rebuilds.advance(PROFILES, RebuildState.REQUESTED, RebuildState.RUNNING);
        rebuilds.advance(PROFILES, RebuildState.RUNNING, RebuildState.SWITCHING);

        assertThatThrownBy(() -> rebuilds.cancel(PROFILES))
                .isInstanceOf(RebuildConflict.class).hasMessageContaining("SWITCHING");
    }

    @Test
    void aStepFromAStateTheRebuildLeftMeanwhileIsNotTaken() {
        rebuilds.request(PROFILES);
        rebuilds.cancel(PROFILES);

        assertThat(rebuilds.advance(PROFILES, RebuildState.REQUESTED, RebuildState.RUNNING)).isFalse();
        assertThat(rebuilds.of(PROFILES)).get().extracting(Rebuild::state).isEqualTo(RebuildState.CANCELLING);
    }

    @Test
    void theStatusEstimatesTheTimeLeftFromTheRecordedPace() {
        rebuilds.request(PROFILES);
        rebuilds.advance(PROFILES, RebuildState.REQUESTED, RebuildState.RUNNING);
        rebuilds.recordProgress(PROFILES, 400, 200.0);

        RebuildStatus status = rebuilds.statusOf(PROFILES, 1_000).orElseThrow();

        assertThat(status.state()).isEqualTo(RebuildState.RUNNING);
        assertThat(status.position()).isEqualTo(400);
        assertThat(status.eventsPerSecond()).isEqualTo(200.0);
        assertThat(status.estimatedSecondsLeft()).isEqualTo(3);
        assertThat(status.startedAt()).isNotNull();
    }

    @Test
    void aReadModelNeverRebuiltHasNoRebuildStatus() {
        assertThat(rebuilds.statusOf(PROFILES, 10)).isEmpty();
    }
}
