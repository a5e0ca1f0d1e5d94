package io.mms.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * How much work each benchmark does. {@link #SHORT} only proves that the harness works;
 * {@link #FULL} is what the README's main table is made of, and {@link #ISSUE} runs the sizes
 * the benchmarks were specified with, once per store.
 *
 * @param name           how the command line and the README's result markers call these sizes
 * @param runs           independent runs (fresh MMS, fresh data) per event store
 * @param clients        concurrent HTTP clients for closed-loop load
 * @param writes         B1: customers registered, then as many profile updates
 * @param customers      B2: customers in the generated history
 * @param campaigns      B2: campaigns in the generated history
 * @param events         B2: events in the generated history
 * @param freshness      B4: how long the open-loop load lasts
 * @param readDuration   B5: how long each read series lasts (after a warm-up as long)
 * @param histories      B6: the history lengths of the customers commands are sent to
 * @param sourcedSamples B6: commands (and raw reads) measured per history
 */
record Sizes(String name, int runs, int clients, int writes, int customers, int campaigns, int events,
             Duration freshness, Duration readDuration, List<Integer> histories, int sourcedSamples) {

    static final Sizes SHORT = new Sizes("short", 1, 4, 100, 200, 10, 2_000,
            Duration.ofSeconds(2), Duration.ofMillis(300), List.of(10, 50, 200), 5);

    /**
     * Scaled down from {@link #ISSUE} so that three runs on two stores fit in about ten minutes
     * on the two-core machine.
     */
    static final Sizes FULL = new Sizes("full", 3, 8, 1_000, 1_000, 100, 10_000,
            Duration.ofSeconds(10), Duration.ofSeconds(2), List.of(10, 1_000, 10_000), 20);

    /**
     * The sizes of the issue that asked for the benchmarks: 100k writes, a history of 1M events
     * over 100k customers, 60 s of freshness load, 5 s per read series. One run per store takes
     * about half an hour here, so this table has one run per store, not three.
     */
    static final Sizes ISSUE = new Sizes("issue", 1, 8, 100_000, 100_000, 100, 1_000_000,
            Duration.ofSeconds(60), Duration.ofSeconds(5), List.of(10, 1_000, 10_000), 20);

    static Sizes named(String name) {
        return Stream.of(SHORT, FULL, ISSUE).filter(sizes -> sizes.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sizes called '" + name
                        + "': short, full or issue"));
    }
}
