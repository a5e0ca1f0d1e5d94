package io.mms.query.partner;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How the partner stream is served.
 *
 * @param heartbeat        how long a stream may stay silent before a heartbeat comment is sent
 * @param maxStreams       how many Server-Sent Event streams are served at once; one thread each
 * @param maxPerClient     how many streams one client may hold open at once, unless its own
 *                         {@code mms.clients.<name>.max-streams} says otherwise
 * @param pageSize         how many events a stream reads and writes between two flushes
 * @param maxPageSize      the largest page a paged JSON pull may ask for
 * @param gapSettleTime    how long an event may wait for an earlier position whose transaction
 *                         has not committed yet, before that position is taken as never coming
 * @param headPollInterval how often the event store's head is read for the streams that have
 *                         caught up; the longest a new event waits before they read it
 */
@ConfigurationProperties("mms.stream")
record StreamSettings(
        Duration heartbeat,
        Integer maxStreams,
        Integer maxPerClient,
        Integer pageSize,
        Integer maxPageSize,
        Duration gapSettleTime,
        Duration headPollInterval) {

    StreamSettings {
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        maxStreams = maxStreams == null ? 200 : maxStreams;
        maxPerClient = maxPerClient == null ? 10 : maxPerClient;
        pageSize = pageSize == null ? 100 : pageSize;
        maxPageSize = maxPageSize == null ? 1_000 : maxPageSize;
        gapSettleTime = gapSettleTime == null ? Duration.ofSeconds(5) : gapSettleTime;
        headPollInterval = headPollInterval == null ? Duration.ofMillis(100) : headPollInterval;
    }
}
