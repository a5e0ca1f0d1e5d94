package io.mms.query.partner.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how the event stream is published to Kafka. The broker itself is Spring's
 * {@code spring.kafka.bootstrap-servers} (and the other {@code spring.kafka.*} settings).
 *
 * @param topic        the topic every public event goes to; blank leaves the publisher off
 * @param personalData whether fields marked as personal data are published; a topic is read by
 *                     everyone granted it, so only a trusted internal topic should have them
 * @param partitions   how many partitions the topic is created with, if it does not exist yet
 * @param batchSize    how many events are sent before the publisher waits for Kafka's
 *                     acknowledgements and stores its token; at most {@value #MAX_BATCH_SIZE}
 */
@ConfigurationProperties("mms.kafka")
record KafkaSettings(String topic, Boolean personalData, Integer partitions, Integer batchSize) {

    /** A batch's positions are read in one query, with one parameter per event. */
    static final int MAX_BATCH_SIZE = 1_000;

    KafkaSettings {
        personalData = personalData != null && personalData;
        partitions = partitions == null ? 6 : partitions;
        batchSize = batchSize == null ? 100 : batchSize;
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("mms.kafka.batch-size must lie between 1 and " + MAX_BATCH_SIZE);
        }
    }
}
