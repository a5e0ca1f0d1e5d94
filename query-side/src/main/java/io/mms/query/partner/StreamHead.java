package io.mms.query.partner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The event store's latest position, read by one thread for every stream that has caught up,
 * so that a hundred idle streams cost one small query per interval instead of a hundred. The
 * head is only read while some stream waits for it.
 */
final class StreamHead implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamHead.class);

    private final LongSupplier latest;
    private final ScheduledExecutorService poller;
    private long head = StreamPositions.START;
    private int waiting;
    private boolean failing;

    /**
     * @param latest   reads the store's latest position
     * @param interval how often it is read while streams wait
     */
    StreamHead(LongSupplier latest, Duration interval) {
        this.latest = latest;
        this.poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "partner-stream-head");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Waits until the store holds a position after the given one, or the time is up.
     *
     * @return whether it does
     */
    synchronized boolean awaitBeyond(long position, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        waiting++;
        try {
            while (head <= position) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
            return true;
        } finally {
            waiting--;
        }
    }

    private void poll() {
        synchronized (this) {
            if (waiting == 0) {
                return;
            }
        }
        try {
            moveTo(latest.getAsLong());
        } catch (RuntimeException unreadable) {
            if (!failing) {
                LOG.warn("Reading the event store's head failed; trying again every interval", unreadable);
            }
            failing = true;
        }
    }

    private synchronized void moveTo(long latestPosition) {
        failing = false;
        if (latestPosition > head) {
            head = latestPosition;
            notifyAll();
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
