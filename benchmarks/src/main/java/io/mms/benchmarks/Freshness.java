package io.mms.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * B4: open-loop profile updates at a fixed rate; for each, the time from its response until
 * a {@code customer} query shows the new name. Each mutation is sent at its scheduled time
 * whether or not earlier ones were answered, and its latency is counted from that time, so a
 * stalled server shows up in the figures instead of slowing the load down.
 *
 * <p>Every {@link #FOLLOW_EVERY}th change is followed: its query is repeated after the
 * response, first after {@link #FIRST_POLL} and then at twice the last wait, up to
 * {@link #LONGEST_POLL}, and the change counts as visible when the answer that shows it
 * arrives. Figures are upper bounds, coarse by up to one poll interval. Following a sample
 * rather than every change, and backing off, keep the probe's own queries from becoming the
 * load: polling every change every 5 ms sent tens of thousands of queries a second once
 * visibility lagged by seconds, and the server then served the probe rather than the
 * mutations. A followed change still invisible after {@link #GIVE_UP} is counted as such and
 * enters the percentiles with the time waited, which then are lower bounds. A mutation that
 * fails (the server refuses the connection, answers with an error or not within 30 s) is counted,
 * not waited for.
 */
final class Freshness {

    static final String NAME = "B4 freshness";

    static final int FOLLOW_EVERY = 10;
    static final Duration FIRST_POLL = Duration.ofMillis(5);
    static final Duration LONGEST_POLL = Duration.ofMillis(100);
    static final Duration GIVE_UP = Duration.ofSeconds(30);

    private static final String UPDATE = """
            mutation($input: UpdateCustomerProfileInput!) { updateCustomerProfile(input: $input) { customerId } }""";
    private static final String FRESH = "Fresh ";
    private static final String CUSTOMER = "query($id: ID!) { customer(id: $id) { name } }";

    private Freshness() {
    }

    static void run(Mms mms, Sizes sizes, double ratePerSecond, List<String> customers,
                    Consumer<Measurement> results) {
        Http http = mms.http();
        Latencies mutations = new Latencies();
        Latencies visibility = new Latencies();
        AtomicInteger invisible = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ScheduledExecutorService pollers = Executors.newScheduledThreadPool(2);
        ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
        long intervalNanos = (long) (1e9 / ratePerSecond);
        long start = System.nanoTime();
        long end = start + sizes.freshness().toNanos();
        try {
            for (long index = 0, intended = start; intended < end; index++, intended = start + index * intervalNanos) {
                LockSupport.parkNanos(intended - System.nanoTime());
                String customerId = customers.get((int) (index % customers.size()));
                String name = FRESH + index;
                long scheduled = intended;
                boolean followed = index % FOLLOW_EVERY == 0;
                CompletableFuture<Void> visible = new CompletableFuture<>();
                pending.add(visible);
                http.graphQlAsync(UPDATE, Map.of("input", Map.of("customerId", customerId, "name", name)))
                        .whenComplete((answer, failure) -> {
                            if (failure != null) {
                                // An overloaded server that stops accepting connections is a result, not a broken run.
                                refused.incrementAndGet();
                                visible.complete(null);
                                return;
                            }
                            long answered = System.nanoTime();
                            mutations.add(answered - scheduled);
                            if (!followed) {
                                visible.complete(null);
                                return;
                            }
                            poll(http, pollers, new Change(customerId, name, answered, FIRST_POLL),
                                    visibility, invisible, visible);
                        });
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("the freshness load failed", e);
        } finally {
            pollers.shutdownNow();
        }
        results.accept(new Measurement(NAME, "offered rate", "ops/s", ratePerSecond));
        results.accept(new Measurement(NAME, "mutation response, from scheduled send", "p99 ms",
                mutations.percentileMillis(0.99)));
        results.accept(new Measurement(NAME, "response to visible in query", "p50 ms",
                visibility.percentileMillis(0.50)));
        results.accept(new Measurement(NAME, "response to visible in query", "p99 ms",
                visibility.percentileMillis(0.99)));
        results.accept(new Measurement(NAME, "response to visible in query", "max ms", visibility.maxMillis()));
        results.accept(new Measurement(NAME, "changes followed (every " + FOLLOW_EVERY + "th)", "changes",
                visibility.count()));
        results.accept(new Measurement(NAME, "followed changes not visible after " + GIVE_UP.toSeconds() + " s",
                "changes", invisible.get()));
        results.accept(new Measurement(NAME, "mutations that failed (connection or HTTP error)", "mutations",
                refused.get()));
    }

    /** A change that was answered and should show in queries, and how long to wait before asking again. */
    private record Change(String customerId, String name, long answered, Duration nextPoll) {

        Change backedOff() {
            Duration doubled = nextPoll.multipliedBy(2);
            return new Change(customerId, name, answered, doubled.compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : doubled);
        }
    }

    private static void poll(Http http, ScheduledExecutorService pollers, Change change, Latencies visibility,
                             AtomicInteger invisible, CompletableFuture<Void> visible) {
        http.graphQlAsync(CUSTOMER, Map.of("id", change.customerId())).whenComplete((answer, failure) -> {
            long waited = System.nanoTime() - change.answered();
            if (failure == null && showsAtLeast(answer, change.name())) {
                visibility.add(waited);
                visible.complete(null);
            } else if (waited > GIVE_UP.toNanos()) {
                visibility.add(waited);
                invisible.incrementAndGet();
                visible.complete(null);
            } else {
                // A query that failed or timed out under load is asked again, like one that showed an older name.
                pollers.schedule(() -> poll(http, pollers, change.backedOff(), visibility, invisible, visible),
                        change.nextPoll().toNanos(), TimeUnit.NANOSECONDS);
            }
        });
    }

    /** Whether the customer shows this change or a later one (customers take turns, so one may follow). */
    private static boolean showsAtLeast(JsonNode answer, String name) {
        String shown = answer.at("/customer/name").asText();
        return shown.startsWith(FRESH)
                && Long.parseLong(shown.substring(FRESH.length())) >= Long.parseLong(name.substring(FRESH.length()));
    }
}
