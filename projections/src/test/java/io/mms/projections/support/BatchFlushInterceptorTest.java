package io.mms.projections.support;

import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.mms.events.Money;
import io.mms.events.campaign.CampaignCreated;
import io.mms.events.campaign.Channel;
import io.mms.events.customer.CustomerRegistered;
import io.mms.projections.EmbeddedMongo;
import io.mms.projections.campaign.CampaignSummaries;
import io.mms.projections.campaign.CampaignSummaryProjection;
import io.mms.projections.customer.CustomerProfileProjection;
import io.mms.projections.customer.CustomerProfiles;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs projection handlers the way an event processor does: a batch of tracked events in one
 * {@link BatchingUnitOfWork}, each event through the interceptor chain.
 */
class BatchFlushInterceptorTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");

    private final List<String> updatedCollections = new CopyOnWriteArrayList<>();
    private final AtomicLong profilesWhenTokenIsStored = new AtomicLong(-1);

    private EmbeddedMongo mongo;
    private MongoDatabase database;
    private BatchFlushInterceptor interceptor;
    private List<AnnotationEventHandlerAdapter> projections;

    @BeforeEach
    void startMongo() {
        mongo = new EmbeddedMongo(updateCommandsInto(updatedCollections));
        database = mongo.readModelDatabase();
        ProjectionWriter writer = new ProjectionWriter(database);
        interceptor = new BatchFlushInterceptor(writer);
        projections = List.of(
                new AnnotationEventHandlerAdapter(new CustomerProfileProjection(writer)),
                new AnnotationEventHandlerAdapter(new CampaignSummaryProjection(writer)));
    }

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void batchIsWrittenAfterItsLastEventAndBeforeItsTokenIsStored() {
        var batch = List.of(registered(1), registered(2), registered(3));
        List<Long> profilesSeenByHandlers = new ArrayList<>();

        ResultMessage<?> result = processBatch(batch, event -> {
            profilesSeenByHandlers.add(profiles());
            return handle(event);
        });

        assertThat(result.isExceptional()).isFalse();
        assertThat(profilesSeenByHandlers).containsExactly(0L, 0L, 0L);
        assertThat(profilesWhenTokenIsStored).hasValue(3);
    }

    @Test
    void batchIsOneBulkWritePerCollection() {
        processBatch(List.of(registered(1), created(2), registered(3), created(4)), this::handle);

        assertThat(updatedCollections).containsExactly(
                CustomerProfiles.COLLECTION.name(), CampaignSummaries.COLLECTION.name());
    }

    @Test
    void batchWhoseLastEventFailsWritesNothing() {
        ResultMessage<?> result = processBatch(List.of(registered(1), registered(2)), event -> {
            handle(event);
            if (positionOf(event) == 2) {
                throw new IllegalStateException("poisoned event");
            }
            return null;
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(profiles()).isZero();
        assertThat(updatedCollections).isEmpty();
    }

    @Test
    void outsideABatchWritesAreSentWhenTheUnitOfWorkCommits() {
        DefaultUnitOfWork<EventMessage<?>> retry = DefaultUnitOfWork.startAndGet(registered(1));
        List<Long> profilesSeenAfterHandling = new ArrayList<>();

        ResultMessage<?> result = retry.executeWithResult(() -> intercepted(retry, event -> {
            handle(event);
            profilesSeenAfterHandling.add(profiles());
            return null;
        }));

        assertThat(result.isExceptional()).isFalse();
        assertThat(profilesSeenAfterHandling).containsExactly(0L);
        assertThat(profiles()).isEqualTo(1);
    }

    /** Like a processor, which stores its token when the batch prepares to commit. */
    private ResultMessage<?> processBatch(List<EventMessage<?>> events,
                                          MessageHandler<EventMessage<?>> handler) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        batch.onPrepareCommit(committing -> profilesWhenTokenIsStored.set(profiles()));
        return batch.executeWithResult(() -> intercepted(batch, handler));
    }

    private Object intercepted(UnitOfWork<EventMessage<?>> unitOfWork,
                               MessageHandler<EventMessage<?>> handler) throws Exception {
        return new DefaultInterceptorChain<>(unitOfWork, List.of(interceptor), handler).proceed();
    }

    private Object handle(EventMessage<?> event) throws Exception {
        for (AnnotationEventHandlerAdapter projection : projections) {
            projection.handle(event);
        }
        return null;
    }

    private long profiles() {
        return database.getCollection(CustomerProfiles.COLLECTION.name()).countDocuments();
    }

    private static long positionOf(EventMessage<?> event) {
        return ((GenericTrackedEventMessage<?>) event).trackingToken().position().orElseThrow();
    }

    private static EventMessage<?> registered(long position) {
        String id = "cu-" + position;
        String email = id + "@example.com";
        return tracked(position, new CustomerRegistered(id, email, "Customer " + id, NOW));
    }

    private static EventMessage<?> created(long position) {
        String id = "ca-" + position;
        Money budget = new Money(BigDecimal.TEN, "EUR");
        var created = new CampaignCreated(id, "Campaign " + id, Channel.SMS, budget, null, NOW);
        return tracked(position, created);
    }

    private static EventMessage<?> tracked(long position, Object payload) {
        var token = new GlobalSequenceTrackingToken(position);
        return new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage(payload));
    }

    private static CommandListener updateCommandsInto(List<String> collections) {
        return new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("update")) {
                    collections.add(event.getCommand().getString("update").getValue());
                }
            }
        };
    }
}
