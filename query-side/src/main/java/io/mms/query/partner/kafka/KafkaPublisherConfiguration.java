package io.mms.query.partner.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mms.projections.support.EventPositions;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import java.util.Map;

/**
 * Publishes the event stream to Kafka when {@code mms.kafka.topic} is set; off otherwise.
 *
 * <p>The publisher is its own streaming processor over the event store, starting at the first
 * event, with its token in the event-store database (like the delivery processors): it resumes
 * where it stopped, and errors stop it and are retried, never logged and skipped. One segment
 * and a sequence per aggregate keep each key's events in order.
 *
 * <p>It belongs to the query side, which owns what partners receive (the same envelope, the same
 * personal-data rule as the HTTP stream), so it runs only where the query side runs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${mms.kafka.topic:}'.isBlank()")
@EnableConfigurationProperties(KafkaSettings.class)
class KafkaPublisherConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaPublisherConfiguration.class);

    @Bean(destroyMethod = "close")
    KafkaEventPublisher kafkaEventPublisher(KafkaSettings settings, KafkaProperties kafka,
                                            ObjectProvider<SslBundles> ssl, ObjectMapper json,
                                            EventPositions eventPositions)
            throws InterruptedException {
        PublisherTopic.ensureExists(kafka.buildAdminProperties(ssl.getIfAvailable()),
                settings.topic(), settings.partitions());
        log.info("Publishing events to Kafka topic {} at {}", settings.topic(), kafka.getBootstrapServers());
        return new KafkaEventPublisher(producers(kafka.buildProducerProperties(ssl.getIfAvailable())),
                new EventRecords(settings.topic(), json), eventPositions,
                settings.personalData(), json);
    }

    @Bean
    ConfigurerModule kafkaPublisherProcessing(KafkaSettings settings) {
        String name = KafkaEventPublisher.PROCESSOR;
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(
                        name,
                        org.axonframework.config.Configuration::eventStore,
                        (config, builder) -> builder
                                .initialToken(StreamableMessageSource::createTailToken)
                                .initialSegmentCount(1)
                                .batchSize(settings.batchSize()))
                .registerSequencingPolicy(name, config -> SequentialPerAggregatePolicy.instance())
                .registerListenerInvocationErrorHandler(name, config -> PropagatingErrorHandler.instance())
                .registerErrorHandler(name, config -> PropagatingErrorHandler.instance());
    }

    /**
     * Whatever {@code spring.kafka.producer.*} says, every send waits for all in-sync replicas,
     * and the idempotent producer keeps retries from reordering or doubling a partition's records.
     */
    private static DefaultKafkaProducerFactory<String, String> producers(Map<String, Object> properties) {
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new DefaultKafkaProducerFactory<>(properties, new StringSerializer(), new StringSerializer());
    }
}
