package io.mms.launcher;

import io.mms.command.campaign.ChangeCampaignDetails;
import io.mms.command.campaign.CreateCampaign;
import io.mms.command.campaign.LaunchCampaign;
import io.mms.command.customer.AddCustomerTag;
import io.mms.command.customer.RegisterCustomer;
import io.mms.events.EventCatalog;
import io.mms.events.Money;
import io.mms.events.campaign.Channel;
import io.mms.launcher.TopicReader.Published;
import io.mms.query.partner.kafka.KafkaEventPublisher;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event stream published to a Kafka topic, read back by a consumer from an in-process KRaft
 * broker: every public event under its aggregate's key, in the aggregate's order, with type,
 * revision and position in its headers, at least once across restarts and refusals.
 */
class KafkaPublisherTest {

    private static final Duration PUBLISHING = Duration.ofSeconds(60);

    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path dataDirectory;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void everyCustomersAndCampaignsEventsArriveInTheirOrderUnderTheirKey() {
        String topic = newTopic();
        try (RunningMms mms = startPublishing(topic);
             TopicReader reader = TopicReader.of(broker.getBrokersAsString(), topic)) {
            writeConcurrently(mms, 4, 3);

            List<StoredEvent> stored = storedPublicEvents(mms);
            List<Published> received = reader.readUntil(read -> read.size() >= stored.size(), PUBLISHING);

            assertThat(received).hasSameSizeAs(stored);
            assertEveryEventArrivedInOrderPerKey(stored, received);
            assertThat(keys(received)).hasSize(7);
        }
    }

    /** Two deployments of MMS, each with its own event store, token and topic. */
    @Test
    void personalDataStaysOffTheTopicUnlessItIsIncluded(@TempDir Path trustedDirectory) {
        String sharedTopic = newTopic();
        String trustedTopic = newTopic();
        try (RunningMms shared = startPublishing(sharedTopic);
             RunningMms trusted = RunningMms.start(trustedDirectory, publishing(trustedTopic,
                     "--mms.kafka.personal-data=true"))) {
            register(shared, "ada-" + UUID.randomUUID() + "@example.com");
            register(trusted, "ada-" + UUID.randomUUID() + "@example.com");

            Published forAll = readAll(sharedTopic, 1).get(0);
            Published forTrusted = readAll(trustedTopic, 1).get(0);

            assertThat(forAll.type()).isEqualTo("CustomerRegistered");
            assertThat(forAll.envelope().get("payload").get("customerId").asText()).isEqualTo(forAll.key());
            assertThat(forAll.envelope().get("payload").has("email")).isFalse();
            assertThat(forAll.envelope().get("payload").has("name")).isFalse();
            assertThat(forTrusted.envelope().get("payload").get("email").asText()).startsWith("ada-");
            assertThat(forTrusted.envelope().get("payload").get("name").asText()).isEqualTo("Ada");
        }
    }

    /**
     * The second run writes while the publisher is off; the third publishes what the second
     * wrote and what it writes itself, and nothing of the first run again (its batches were
     * acknowledged, so its token had moved past them).
     */
    @Test
    void aRestartedPublisherResumesFromItsTokenAndLosesNothing() {
        String topic = newTopic();
        String customerId;
        try (RunningMms first = startPublishing(topic)) {
            customerId = register(first, "first-" + UUID.randomUUID() + "@example.com");
            tag(first, customerId, 3);
            readAll(topic, storedPublicEvents(first).size());
        }
        try (RunningMms unpublished = RunningMms.start(dataDirectory)) {
            tag(unpublished, customerId, 3);
            writeConcurrently(unpublished, 2, 1);
        }
        try (RunningMms third = startPublishing(topic)) {
            tag(third, customerId, 2);

            List<StoredEvent> stored = storedPublicEvents(third);
            List<Published> received = readAll(topic, stored.size());

            assertEveryEventArrivedInOrderPerKey(stored, received);
            assertThat(received).extracting(Published::position).doesNotHaveDuplicates();
        }
    }

    /**
     * Kafka refuses every record of the first run (larger than the producer may send). The
     * publisher must neither skip them nor move its token; the next run sends them all.
     */
    @Test
    void eventsKafkaRefusedArePublishedOnceItAcceptsThem() {
        String topic = newTopic();
        try (RunningMms refused = startPublishing(List.of(FailedBatches.class), topic,
                "--spring.kafka.producer.properties[max.request.size]=64");
             TopicReader reader = TopicReader.of(broker.getBrokersAsString(), topic)) {
            writeConcurrently(refused, 2, 1);

            await().atMost(PUBLISHING).until(() -> refused.bean(FailedBatches.class).count() >= 2);
            assertThat(reader.staysEmptyFor(Duration.ofSeconds(2))).isTrue();
            assertThat(publisherToken(refused)).isNull();
        }
        try (RunningMms accepted = startPublishing(topic)) {
            List<StoredEvent> stored = storedPublicEvents(accepted);
            List<Published> received = readAll(topic, stored.size());

            assertEveryEventArrivedInOrderPerKey(stored, received);
            assertThat(received).hasSameSizeAs(stored);
        }
    }

    /**
     * Per key, what a consumer keeps after skipping records it has seen (an at-least-once topic
     * may repeat some) is exactly the aggregate's stored events, in order; and every record's
     * key and headers agree with its envelope.
     */
    private static void assertEveryEventArrivedInOrderPerKey(List<StoredEvent> stored, List<Published> received) {
        assertThat(received).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(record.envelope().get("aggregateId").asText());
            assertThat(record.type()).isEqualTo(record.envelope().get("type").asText());
            assertThat(record.revision()).isEqualTo(record.envelope().get("revision").asText());
            assertThat(record.position()).isEqualTo(record.envelope().get("position").asLong());
        });
        assertThat(keptPerKey(received)).isEqualTo(perAggregate(stored));
    }

    private static Map<String, List<StoredEvent>> keptPerKey(List<Published> received) {
        Map<String, List<StoredEvent>> kept = new LinkedHashMap<>();
        Map<String, Long> lastSequence = new HashMap<>();
        for (Published record : received) {
            if (record.sequence() > lastSequence.getOrDefault(record.key(), -1L)) {
                lastSequence.put(record.key(), record.sequence());
                kept.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(new StoredEvent(
                        record.key(), record.sequence(), record.position(), record.type(), record.revision()));
            }
        }
        return kept;
    }

    private static Map<String, List<StoredEvent>> perAggregate(List<StoredEvent> stored) {
        Map<String, List<StoredEvent>> events = new LinkedHashMap<>();
        stored.forEach(event -> events.computeIfAbsent(event.aggregateId(), key -> new ArrayList<>()).add(event));
        return events;
    }

    private static List<String> keys(List<Published> received) {
        return received.stream().map(Published::key).distinct().toList();
    }

    private List<Published> readAll(String topic, int atLeast) {
        try (TopicReader reader = TopicReader.of(broker.getBrokersAsString(), topic)) {
            return reader.readUntil(read -> read.size() >= atLeast, PUBLISHING);
        }
    }

    private RunningMms startPublishing(String topic, String... settings) {
        return RunningMms.start(dataDirectory, publishing(topic, settings));
    }

    private RunningMms startPublishing(List<Class<?>> probes, String topic, String... settings) {
        return RunningMms.start(probes, dataDirectory, publishing(topic, settings));
    }

    private static String[] publishing(String topic, String... settings) {
        return Stream.concat(Stream.of(
                        "--mms.kafka.topic=" + topic,
                        "--mms.kafka.partitions=3",
                        "--mms.kafka.batch-size=10",
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString()), Stream.of(settings))
                .toArray(String[]::new);
    }

    /** Customers and campaigns written from parallel threads, so that their events interleave. */
    private static void writeConcurrently(RunningMms mms, int customers, int campaigns) {
        Stream<Runnable> customerHistories = Stream.generate(() -> (Runnable) () ->
                tag(mms, register(mms, UUID.randomUUID() + "@example.com"), 8)).limit(customers);
        Stream<Runnable> campaignHistories = Stream.generate(() -> (Runnable) () ->
                campaignHistory(mms)).limit(campaigns);
        CompletableFuture.allOf(Stream.concat(customerHistories, campaignHistories)
                .map(CompletableFuture::runAsync)
                .toArray(CompletableFuture[]::new)).join();
    }

    private static String register(RunningMms mms, String email) {
        String customerId = UUID.randomUUID().toString();
        commands(mms).sendAndWait(new RegisterCustomer(customerId, email, "Ada"));
        return customerId;
    }

    private static void tag(RunningMms mms, String customerId, int tags) {
        for (int tag = 0; tag < tags; tag++) {
            commands(mms).sendAndWait(new AddCustomerTag(customerId, "tag-" + UUID.randomUUID()));
        }
    }

    private static void campaignHistory(RunningMms mms) {
        String campaignId = UUID.randomUUID().toString();
        Money budget = new Money(new BigDecimal("100.00"), "EUR");
        commands(mms).sendAndWait(new CreateCampaign(campaignId, "Spring", Channel.EMAIL, budget, "First draft"));
        for (int draft = 2; draft <= 4; draft++) {
            commands(mms).sendAndWait(new ChangeCampaignDetails(campaignId, "Spring", "Draft " + draft, budget));
        }
        commands(mms).sendAndWait(new LaunchCampaign(campaignId));
    }

    private static CommandGateway commands(RunningMms mms) {
        return mms.bean(CommandGateway.class);
    }

    /** The public events in the event store, in stream order. */
    private static List<StoredEvent> storedPublicEvents(RunningMms mms) {
        return mms.bean(JdbcTemplate.class).query(
                        "SELECT aggregateIdentifier, sequenceNumber, globalIndex, payloadType, payloadRevision"
                                + " FROM DomainEventEntry ORDER BY globalIndex",
                        (row, index) -> new StoredEvent(row.getString(1), row.getLong(2), row.getLong(3),
                                row.getString(4), row.getString(5)))
                .stream()
                .filter(event -> EventCatalog.classOf(event.type()).isPresent())
                .toList();
    }

    private static byte[] publisherToken(RunningMms mms) {
        return mms.bean(JdbcTemplate.class).queryForObject(
                "SELECT token FROM TokenEntry WHERE processorName = ?", byte[].class, KafkaEventPublisher.PROCESSOR);
    }

    private static String newTopic() {
        return "mms-events-" + UUID.randomUUID();
    }

    private record StoredEvent(String aggregateId, long sequence, long position, String type, String revision) {
    }

    /** Counts the publisher's batches that failed, by watching them fail on their way out. */
    @Configuration(proxyBeanMethods = false)
    static class FailedBatches {

        private final AtomicInteger failures = new AtomicInteger();

        @Bean
        ConfigurerModule failedBatchCounter() {
            return configurer -> configurer.eventProcessing().registerHandlerInterceptor(
                    KafkaEventPublisher.PROCESSOR, config -> this::countFailure);
        }

        private Object countFailure(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            try {
                return chain.proceed();
            } catch (Exception failure) {
                failures.incrementAndGet();
                throw failure;
            }
        }

        int count() {
            return failures.get();
        }
    }
}
