package io.mms.query.partner.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topic before the first event is sent, unless it exists. An existing topic is left
 * as it is: adding partitions would move keys to other partitions, and a consumer could then
 * read a key's newer events before its older ones. (Spring's {@code KafkaAdmin} would add them,
 * which is why it is not used here.)
 */
final class PublisherTopic {

    private static final Logger log = LoggerFactory.getLogger(PublisherTopic.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private PublisherTopic() {
    }

    /**
     * Without a reachable broker start-up goes on: the publisher retries its sends until the
     * broker answers, and the topic then has whatever the broker creates (or was given).
     */
    static void ensureExists(Map<String, Object> adminProperties, String topic, int partitions)
            throws InterruptedException {
        try (Admin admin = Admin.create(adminProperties)) {
            NewTopic newTopic = new NewTopic(topic, Optional.of(partitions), Optional.empty());
            admin.createTopics(List.of(newTopic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created Kafka topic {} with {} partitions", topic, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.warn("Could not create Kafka topic {}; publishing will retry until it can send", topic,
                        e.getCause());
            }
        } catch (TimeoutException e) {
            log.warn("Kafka did not answer within {} to create topic {}; publishing will retry", TIMEOUT, topic);
        }
    }
}
