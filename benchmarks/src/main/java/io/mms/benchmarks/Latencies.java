package io.mms.benchmarks;

import java.util.Arrays;

/** Latencies of one measured series, kept whole and sorted on demand: series here are small enough. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void add(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    synchronized int count() {
        return count;
    }

    /** The latency below which the given fraction of the series lies, in milliseconds. */
    synchronized double percentileMillis(double fraction) {
        if (count == 0) {
            throw new IllegalStateException("no latency was recorded");
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(fraction * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1e6;
    }

    double maxMillis() {
        return percentileMillis(1.0);
    }
}
