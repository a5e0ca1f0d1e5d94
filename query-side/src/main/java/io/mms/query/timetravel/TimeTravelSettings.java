package io.mms.query.timetravel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How much answering as of a past instant may cost.
 *
 * @param maxEvents      the most events one answer may read from the event store; beyond it the
 *                       answer is refused with {@code HISTORY_TOO_LONG}
 * @param abandonedAfter at start-up, scratch databases opened longer ago than this are taken as
 *                       left behind by a process that stopped while answering, and dropped
 */
@ConfigurationProperties("mms.time-travel")
public record TimeTravelSettings(@DefaultValue("100000") long maxEvents,
                                 @DefaultValue("1h") Duration abandonedAfter) {
}
