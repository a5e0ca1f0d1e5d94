package io.mms.projections.rebuild;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the projections side carries out read-model rebuilds.
 *
 * @param pollInterval       how often it looks for requested and cancelled rebuilds and samples progress
 * @param logInterval        how often it logs a running rebuild's progress
 * @param maxEventsPerSecond the most events a rebuild handles per second, to spare the database that
 *                           live processing and queries share with it; 0 for no limit
 * @param catchUpTimeout     how long live processing may pause at the switch while the rebuild handles the
 *                           last events live processing had handled; past it the switch is tried again later
 * @param retiredAfter       how long the replaced version is kept after a switch, for queries that began
 *                           before it
 */
@ConfigurationProperties("mms.projections.rebuild")
public record RebuildSettings(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10s") Duration logInterval,
        @DefaultValue("0") int maxEventsPerSecond,
        @DefaultValue("30s") Duration catchUpTimeout,
        @DefaultValue("1m") Duration retiredAfter) {
}
