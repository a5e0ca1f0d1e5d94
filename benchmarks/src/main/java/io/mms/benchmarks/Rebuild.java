package io.mms.benchmarks;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.WriteModel;
import io.mms.events.Money;
import io.mms.events.campaign.CampaignCreated;
import io.mms.events.campaign.CampaignDetailsChanged;
import io.mms.events.campaign.Channel;
import io.mms.events.customer.CustomerProfileUpdated;
import io.mms.events.customer.CustomerRegistered;
import io.mms.projections.support.ProjectionSettings;
import io.mms.projections.support.ReadModel;
import io.mms.projections.support.ReadModelCollection;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * B2: every read model dropped and rebuilt from the event store, alone and all at once,
 * against writing the documents the rebuild produced straight into the same MongoDB with one
 * unordered {@code bulkWrite}.
 *
 * <p>The history is generated: events are appended through Axon's event store in batches,
 * as aggregates would have recorded them, because producing it through commands would take
 * longer than the benchmark itself.
 */
final class Rebuild {

    static final String NAME = "B2 rebuild";

    private static final int APPEND_BATCH = 1_000;
    private static final int EVENTS_PER_CAMPAIGN = 10;
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private Rebuild() {
    }

    static void run(Mms mms, Sizes sizes, Consumer<Measurement> results) {
        generateHistory(mms.bean(EventStore.class), sizes);
        mms.awaitProcessorsCaughtUp(TIMEOUT);
        long events = mms.jdbc().queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        results.accept(new Measurement(NAME, "events in the store", "events", events));
        List<ReadModel> readModels = mms.readModels();
        double allBaseline = 0;
        for (ReadModel readModel : readModels) {
            Duration rebuild = rebuild(mms, List.of(readModel));
            Duration baseline = bulkWrite(mms.bean(MongoDatabase.class), readModel);
            allBaseline += baseline.toNanos();
            report(results, readModel.processor(), events, rebuild, baseline);
        }
        Duration together = rebuild(mms, readModels);
        report(results, "all read models together", events, together, Duration.ofNanos((long) allBaseline));
    }

    private static void report(Consumer<Measurement> results, String what, long events,
                               Duration rebuild, Duration baseline) {
        results.accept(new Measurement(NAME, "rebuild " + what, "events/s", events / seconds(rebuild)));
        results.accept(new Measurement(NAME, "baseline: bulkWrite of " + what + " documents", "s",
                seconds(baseline)));
        results.accept(new Measurement(NAME, "ratio rebuild / bulkWrite, " + what, "ratio",
                seconds(baseline) / seconds(rebuild)));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    /** Resets the read models' processors (which clears their collections) and waits until they caught up. */
    private static Duration rebuild(Mms mms, List<ReadModel> readModels) {
        Map<String, StreamingEventProcessor> processors = mms.streamingProcessors();
        int segments = mms.bean(ProjectionSettings.class).segments();
        long head = mms.head();
        List<StreamingEventProcessor> rebuilt = readModels.stream()
                .map(readModel -> processors.get(readModel.processor())).toList();
        rebuilt.forEach(StreamingEventProcessor::shutDown);
        long start = System.nanoTime();
        for (StreamingEventProcessor processor : rebuilt) {
            processor.resetTokens();
            processor.start();
        }
        long deadline = start + TIMEOUT.toNanos();
        for (StreamingEventProcessor processor : rebuilt) {
            while (!Mms.reached(processor, head, segments)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(processor.getName() + " did not catch up");
                }
                Mms.pause(Duration.ofMillis(5));
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Writes the read model's current documents into fresh collections with unordered bulkWrites. */
    private static Duration bulkWrite(MongoDatabase database, ReadModel readModel) {
        long total = 0;
        for (ReadModelCollection collection : readModel.collections()) {
            List<WriteModel<Document>> inserts = new ArrayList<>();
            // In batches: the stand-in answers a first batch of any size, and a large read model's
            // would exceed the wire protocol's 48 MB message limit.
            database.getCollection(collection.name()).find().batchSize(1_000)
                    .forEach(document -> inserts.add(new InsertOneModel<>(document)));
            MongoCollection<Document> copy = database.getCollection(collection.name() + "_benchmark_baseline");
            long start = System.nanoTime();
            if (!inserts.isEmpty()) {
                copy.bulkWrite(inserts, new BulkWriteOptions().ordered(false));
            }
            total += System.nanoTime() - start;
            copy.drop();
        }
        return Duration.ofNanos(total);
    }

    /** Campaigns first, then customers in rounds, so that one customer's events are spread over the stream. */
    static void generateHistory(EventStore eventStore, Sizes sizes) {
        List<EventMessage<?>> batch = new ArrayList<>();
        Instant now = Instant.now();
        for (int campaign = 0; campaign < sizes.campaigns(); campaign++) {
            String id = UUID.randomUUID().toString();
            Money budget = new Money(new BigDecimal("1000.00"), "EUR");
            append(eventStore, batch, "Campaign", id, 0,
                    new CampaignCreated(id, "Generated " + campaign, Channel.EMAIL, budget, "Generated", now));
            for (int change = 1; change < EVENTS_PER_CAMPAIGN; change++) {
                append(eventStore, batch, "Campaign", id, change, new CampaignDetailsChanged(
                        id, "Generated " + campaign + "." + change, "Generated", budget, now));
            }
        }
        List<String> customers = new ArrayList<>();
        for (int customer = 0; customer < sizes.customers(); customer++) {
            String id = UUID.randomUUID().toString();
            customers.add(id);
            append(eventStore, batch, "Customer", id, 0,
                    new CustomerRegistered(id, id + "@generated.example", "Generated " + customer, now));
        }
        int customerEvents = sizes.events() - sizes.campaigns() * EVENTS_PER_CAMPAIGN;
        int rounds = Math.max(1, customerEvents / sizes.customers());
        for (int round = 1; round < rounds; round++) {
            for (String id : customers) {
                append(eventStore, batch, "Customer", id, round,
                        new CustomerProfileUpdated(id, "Renamed " + round, null, null, Map.of(), now));
            }
        }
        flush(eventStore, batch);
    }

    private static void append(EventStore eventStore, List<EventMessage<?>> batch,
                               String type, String id, long sequence, Object payload) {
        batch.add(new GenericDomainEventMessage<>(type, id, sequence, payload));
        if (batch.size() == APPEND_BATCH) {
            flush(eventStore, batch);
        }
    }

    private static void flush(EventStore eventStore, List<EventMessage<?>> batch) {
        if (!batch.isEmpty()) {
            eventStore.publish(batch);
            batch.clear();
        }
    }
}
