package io.mms.query.partner;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How exports of the event history are served.
 *
 * @param batchSize    how many events are read from the event store, written and flushed at a time;
 *                     an export never holds more than this many in memory
 * @param maxExports   how many exports run at once in all; each holds a request thread
 * @param maxPerClient how many exports one client may run at once
 */
@ConfigurationProperties("mms.export")
record ExportSettings(Integer batchSize, Integer maxExports, Integer maxPerClient) {

    ExportSettings {
        batchSize = batchSize == null ? 1_000 : batchSize;
        maxExports = maxExports == null ? 8 : maxExports;
        maxPerClient = maxPerClient == null ? 2 : maxPerClient;
    }
}
