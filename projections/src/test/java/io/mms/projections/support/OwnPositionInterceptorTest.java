package io.mms.projections.support;

import io.mms.events.Money;
import io.mms.events.campaign.CampaignCreated;
import io.mms.events.campaign.Channel;
import io.mms.events.delivery.CampaignMessageSent;
import io.mms.events.delivery.ConsentBasis;
import io.mms.projections.EmbeddedMongo;
import io.mms.projections.performance.CampaignPerformanceProjection;
import io.mms.projections.performance.CampaignPerformances;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC store hands out an event that commits late (into a gap) with a token naming the
 * highest position seen so far. Two customers are sent the same campaign; customer A's send is
 * stored at position 2 but commits after customer B's, at position 3. The campaign's facts
 * record each event's position (waiting for a write, and ordering, rely on it).
 */
class OwnPositionInterceptorTest {

    private static final Instant NOW = Instant.parse("2026-03-05T10:00:00Z");

    private EmbeddedMongo mongo;
    private ProjectionWriter writer;
    private CampaignPerformances performances;

    @BeforeEach
    void startMongo() {
        mongo = new EmbeddedMongo();
        writer = new ProjectionWriter(mongo.readModelDatabase());
        performances = new CampaignPerformances(mongo.readModelDatabase());
    }

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void documentsRecordTheLateEventsOwnPosition() {
        Map<String, Long> stored = Map.of("created", 1L, "sent-b", 3L, "sent-a", 2L);

        deliver(lateHistory(), List.of(new OwnPositionInterceptor(events -> events.stream()
                .collect(Collectors.toMap(EventMessage::getIdentifier, event -> stored.get(event.getIdentifier()))))));

        assertThat(recordedPositions()).isEqualTo(stored);
        assertThat(performances.of("ca-1").audienceSize()).isEqualTo(2);
    }

    @Test
    void withoutTheLookupTheLateEventTakesTheHighestPositionSeen() {
        deliver(lateHistory(), List.of());

        assertThat(recordedPositions()).isEqualTo(Map.of("created", 1L, "sent-b", 3L, "sent-a", 3L));
    }

    private Map<String, Long> recordedPositions() {
        Map<String, Long> positions = new HashMap<>();
        mongo.readModelDatabase().getCollection(CampaignPerformances.COLLECTION.name()).find()
                .forEach(fact -> positions.put(fact.getString("_id"), fact.getLong(DocumentWrites.POSITION)));
        return positions;
    }

    private List<EventMessage<?>> lateHistory() {
        GapAwareTrackingToken afterCreated = GapAwareTrackingToken.newInstance(1, Set.of());
        GapAwareTrackingToken afterB = afterCreated.advanceTo(3, 1000);
        GapAwareTrackingToken afterA = afterB.advanceTo(2, 1000);
        assertThat(afterA.position()).hasValue(3);
        return List.of(
                tracked("created", afterCreated, new CampaignCreated("ca-1", "Spring", Channel.EMAIL,
                        new Money(new BigDecimal("100"), "EUR"), null, NOW)),
                tracked("sent-b", afterB, sent("cu-b")),
                tracked("sent-a", afterA, sent("cu-a")));
    }

    private void deliver(List<EventMessage<?>> events, List<MessageHandlerInterceptor<? super EventMessage<?>>> more) {
        AnnotationEventHandlerAdapter handler =
                new AnnotationEventHandlerAdapter(new CampaignPerformanceProjection(writer));
        List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors = new ArrayList<>(more);
        interceptors.add(new BatchFlushInterceptor(writer));
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        var result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(
                unitOfWork, interceptors, handler::handle).proceed());
        assertThat(result.isExceptional()).as("batch failed: %s", result).isFalse();
    }

    private static EventMessage<?> tracked(String id, TrackingToken token, Object payload) {
        return new GenericTrackedEventMessage<>(token,
                new GenericEventMessage<>(new GenericMessage<>(id, payload, MetaData.emptyInstance()), () -> NOW));
    }

    private static CampaignMessageSent sent(String customerId) {
        return new CampaignMessageSent(customerId, "ca-1", customerId + ":ca-1", Channel.EMAIL,
                customerId + "@example.com", "Spring", "Hello",
                new ConsentBasis(Channel.EMAIL, "marketing", "signup-form", NOW.minusSeconds(3600)), NOW);
    }
}
