package io.mms.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop load: a fixed number of clients, each sending its next request when the answer
 * to its last one came. This measures throughput at saturation; it is not used where latency
 * under a given rate matters (see {@link Freshness}, which is open-loop).
 */
final class Load {

    /** One request; {@code index} counts from 0 over all clients. */
    interface Task {
        void run(int index) throws Exception;
    }

    /** The outcome of a series: how many, how long, and each one's latency. */
    record Series(int operations, Duration elapsed, Latencies latencies) {

        double perSecond() {
            return operations / (elapsed.toNanos() / 1e9);
        }
    }

    private Load() {
    }

    /** Runs {@code total} tasks on {@code clients} threads. Any failure aborts the series. */
    static Series count(int clients, int total, Task task) {
        AtomicInteger next = new AtomicInteger();
        return run(clients, () -> {
            int index = next.getAndIncrement();
            return index < total ? index : -1;
        }, task);
    }

    /** Runs tasks on {@code clients} threads until {@code duration} has passed. */
    static Series during(int clients, Duration duration, Task task) {
        AtomicInteger next = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        return run(clients, () -> System.nanoTime() < end ? next.getAndIncrement() : -1, task);
    }

    private interface Ticket {
        int next();
    }

    private static Series run(int clients, Ticket tickets, Task task) {
        Latencies latencies = new Latencies();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                workers.add(pool.submit(() -> {
                    for (int index = tickets.next(); index >= 0; index = tickets.next()) {
                        long sent = System.nanoTime();
                        task.run(index);
                        latencies.add(System.nanoTime() - sent);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("a load series failed", e);
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
        return new Series(done.get(), Duration.ofNanos(System.nanoTime() - start), latencies);
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
