package io.mms.projections.rebuild;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** How fast each running rebuild goes, from the positions it reached over the last ten seconds. */
final class RebuildPace {

    private static final long WINDOW = Duration.ofSeconds(10).toNanos();
    private static final long SHORTEST = Duration.ofSeconds(1).toNanos();

    private final Map<String, Deque<Sample>> samples = new HashMap<>();
    private final Map<String, Long> loggedAt = new HashMap<>();

    /**
     * Records the position the rebuild reached at the given time ({@link System#nanoTime()}).
     *
     * @return positions per second over the last samples; null until they span a second
     */
    Double sample(String readModel, long position, long nanos) {
        Deque<Sample> known = samples.computeIfAbsent(readModel, name -> new ArrayDeque<>());
        known.addLast(new Sample(position, nanos));
        while (known.size() > 2 && nanos - known.peekFirst().nanos() > WINDOW) {
            known.removeFirst();
        }
        Sample oldest = known.peekFirst();
        long elapsed = nanos - oldest.nanos();
        return elapsed < SHORTEST ? null : (position - oldest.position()) * 1e9 / elapsed;
    }

    /** Whether the rebuild's progress was last logged at least the interval ago; if so, counts it as logged now. */
    boolean logDue(String readModel, long nanos, Duration interval) {
        Long last = loggedAt.get(readModel);
        if (last != null && nanos - last < interval.toNanos()) {
            return false;
        }
        loggedAt.put(readModel, nanos);
        return true;
    }

    void forget(String readModel) {
        samples.remove(readModel);
        loggedAt.remove(readModel);
    }

    private record Sample(long position, long nanos) {
    }
}
