package io.mms.projections.rebuild;

import java.time.Instant;

/**
 * How far a read model's current or latest rebuild has come.
 *
 * @param state                where it stands
 * @param position             the position up to which the new version has handled every event
 * @param head                 the position of the newest event in the store
 * @param eventsPerSecond      how many positions it handled per second lately; null if not known yet
 * @param estimatedSecondsLeft how long it will take to reach the head at that pace; null if unknown
 * @param deadLetters          how many events the new version has parked
 * @param requestedAt          when it was asked for
 * @param startedAt            when building began; null before
 * @param finishedAt           when it completed or was cancelled; null before
 */
public record RebuildStatus(RebuildState state, long position, long head, Double eventsPerSecond,
                            Long estimatedSecondsLeft, long deadLetters,
                            Instant requestedAt, Instant startedAt, Instant finishedAt) {
}
