package io.mms.projections.support;

import java.time.Duration;

/**
 * How current a read model is.
 *
 * @param name          the read model's processor (and processing group)
 * @param position      the position up to which it has handled every event
 * @param head          the position of the newest event in the store
 * @param lagEvents     how many positions it trails the head by
 * @param lagTime       how long the oldest event it has not handled has been waiting; zero when caught up
 * @param state         where it stands
 * @param deadLetters   how many events it has parked
 * @param processedHere whether its processor runs in this process (errors and retries need that)
 */
public record ReadModelStatus(String name, long position, long head, long lagEvents, Duration lagTime,
                              ReadModelState state, long deadLetters, boolean processedHere) {
}
