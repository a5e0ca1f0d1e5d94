package io.mms.projections.rebuild;

import java.time.Instant;

/**
 * A rebuild of one read model as stored in the {@code readmodel_rebuilds} collection of the
 * read-model database, where every process can read it and a restarted one resumes it.
 *
 * @param readModel       the read model's name
 * @param state           where it stands
 * @param fromVersion     the version that was live when it was requested
 * @param toVersion       the version it builds
 * @param requestedAt     when it was asked for
 * @param startedAt       when the projections side began building; null before
 * @param finishedAt      when it completed or was cancelled; null before
 * @param position        the position it had reached when last sampled; -1 before the first event
 * @param eventsPerSecond how fast it went when last sampled, in positions per second; null if unknown
 */
public record Rebuild(String readModel, RebuildState state, int fromVersion, int toVersion,
                      Instant requestedAt, Instant startedAt, Instant finishedAt,
                      long position, Double eventsPerSecond) {
}
