package io.mms.projections.support;

import io.mms.projections.EmbeddedMongo;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A read model's position is read from the token documents Axon's Mongo token store writes. */
class ProcessorTokensTest {

    private static final String PROCESSOR = "some-read-model";

    private EmbeddedMongo mongo;
    private TokenStore tokenStore;
    private ProcessorTokens tokens;

    @BeforeEach
    void startMongo() {
        mongo = new EmbeddedMongo();
        MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(mongo.readModelDatabase()).build();
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        tokenStore = MongoTokenStore.builder().mongoTemplate(template).serializer(serializer)
                .transactionManager(NoTransactionManager.instance()).build();
        tokens = new ProcessorTokens(template, serializer);
    }

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void aProcessorThatNeverRanHasNotStarted() {
        ReadModelProgress progress = tokens.progressOf(PROCESSOR);

        assertThat(progress.started()).isFalse();
        assertThat(progress.position()).isEqualTo(StreamPositions.NONE);
    }

    @Test
    void theSlowestSegmentIsTheReadModelsPosition() {
        store(GapAwareTrackingToken.newInstance(40, List.of()), GapAwareTrackingToken.newInstance(25, List.of()));

        ReadModelProgress progress = tokens.progressOf(PROCESSOR);

        assertThat(progress.position()).isEqualTo(25);
        assertThat(progress.segments()).isEqualTo(2);
        assertThat(progress.replaying()).isFalse();
    }

    @Test
    void aSegmentThatHandledNothingYetHoldsTheReadModelBeforeTheFirstEvent() {
        store(GapAwareTrackingToken.newInstance(40, List.of()), null);

        assertThat(tokens.progressOf(PROCESSOR).position()).isEqualTo(StreamPositions.NONE);
    }

    @Test
    void eventsInAGapAreNotCountedAsHandled() {
        store(GapAwareTrackingToken.newInstance(40, List.of(31L, 35L)));

        assertThat(tokens.progressOf(PROCESSOR).position()).isEqualTo(30);
    }

    @Test
    void aReplayCountsFromWhereItHasComeAndEndsAtItsResetPoint() {
        TrackingToken resetAt = GapAwareTrackingToken.newInstance(40, List.of());
        store(ReplayToken.createReplayToken(resetAt, GapAwareTrackingToken.newInstance(12, List.of())));

        ReadModelProgress replaying = tokens.progressOf(PROCESSOR);
        assertThat(replaying.replaying()).isTrue();
        assertThat(replaying.position()).isEqualTo(12);

        tokenStore.storeToken(new ReplayToken(resetAt, GapAwareTrackingToken.newInstance(40, List.of())),
                PROCESSOR, 0);
        assertThat(tokens.progressOf(PROCESSOR).replaying()).isFalse();
    }

    /** Initializes one segment per token; a null token stays as initialized, before the first event. */
    private void store(TrackingToken... segmentTokens) {
        tokenStore.initializeTokenSegments(PROCESSOR, segmentTokens.length);
        for (int segment = 0; segment < segmentTokens.length; segment++) {
            if (segmentTokens[segment] != null) {
                tokenStore.fetchToken(PROCESSOR, segment);
                tokenStore.storeToken(segmentTokens[segment], PROCESSOR, segment);
            }
        }
    }
}
