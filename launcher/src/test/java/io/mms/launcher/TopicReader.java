package io.mms.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * A partner's consumer of the MMS topic: reads every partition from its beginning, in the order
 * Kafka hands the records out, and keeps what it read.
 */
final class TopicReader implements AutoCloseable {

    /** One record as a consumer sees it: key, partition, headers and the envelope in the value. */
    record Published(String key, int partition, String type, String revision, long position, JsonNode envelope) {

        long sequence() {
            return envelope.get("sequence").asLong();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final List<Published> read = new ArrayList<>();

    private TopicReader(KafkaConsumer<String, String> consumer) {
        this.consumer = consumer;
    }

    /** Starts reading a topic that exists; with no group, so no offsets are committed anywhere. */
    static TopicReader of(String bootstrapServers, String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return new TopicReader(consumer);
    }

    /** Reads on until what was read so far satisfies the condition, and returns all of it. */
    List<Published> readUntil(Predicate<List<Published>> done, Duration atMost) {
        await().atMost(atMost).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> read.add(published(record)));
            return done.test(read);
        });
        return List.copyOf(read);
    }

    /** Whether no record at all arrives during the whole time. */
    boolean staysEmptyFor(Duration time) {
        await().atMost(time.plusSeconds(5)).during(time).pollInSameThread().until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> read.add(published(record)));
            return read.isEmpty();
        });
        return read.isEmpty();
    }

    private static Published published(ConsumerRecord<String, String> record) {
        return new Published(record.key(), record.partition(),
                header(record, "type"), header(record, "revision"), Long.parseLong(header(record, "position")),
                envelope(record.value()));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode envelope(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
