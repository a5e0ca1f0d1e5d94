package io.mms.query.web;

import io.mms.projections.support.ProcessorTokens;
import io.mms.projections.support.ReadModel;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Lets a query see its client's own writes: given the position a mutation returned, it waits
 * until the read model the query reads has handled every event up to it, or fails with
 * {@code STALE} after {@code mms.read-your-writes.timeout}. A query field opts in with one
 * line, {@code reads.await(ITS_READ_MODEL, atLeast)}, before it reads.
 */
@Component
public class ReadYourWrites {

    private final ProcessorTokens tokens;
    private final ReadYourWritesSettings settings;

    ReadYourWrites(ProcessorTokens tokens, ReadYourWritesSettings settings) {
        this.tokens = tokens;
        this.settings = settings;
    }

    /** Returns once the read model has reached the position; at once if no position is given. */
    public void await(ReadModel readModel, Long atLeast) {
        if (atLeast == null) {
            return;
        }
        Instant deadline = Instant.now().plus(settings.timeout());
        long reached = positionOf(readModel);
        while (reached < atLeast) {
            if (Instant.now().isAfter(deadline)) {
                throw new StaleReadModel(readModel.processor(), reached, atLeast, settings.timeout());
            }
            pause(settings.pollInterval());
            reached = positionOf(readModel);
        }
    }

    private long positionOf(ReadModel readModel) {
        return tokens.progressOf(readModel.processor()).position();
    }

    private static void pause(Duration interval) {
        try {
            TimeUnit.MILLISECONDS.sleep(interval.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a read model", interrupted);
        }
    }

    /** The read model did not reach the asked position in time. */
    public static class StaleReadModel extends RuntimeException {

        StaleReadModel(String readModel, long reached, long asked, Duration waited) {
            super("read model " + readModel + " has reached position " + reached + ", not " + asked
                    + ", after waiting " + waited.toMillis() + " ms; ask again later");
        }
    }
}
