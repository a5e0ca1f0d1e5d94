package io.mms.benchmarks;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * B7: the whole event history exported as NDJSON over HTTP, as an analyst's curl would fetch it,
 * against reading the same rows with one plain JDBC query and touching every payload byte.
 *
 * <p>The export runs twice. The first pass is timed. The second is watched: every
 * {@link #HEAP_SAMPLE} a full collection is forced and the heap still in use is read, so
 * the figures are live data rather than garbage that has not been collected yet; the highest
 * of them is compared with the heap in use just before the export. Forcing collections slows
 * that pass, which is why it is not the timed one. Both passes run in the JVM that serves the
 * export, so what they see is the server's heap.
 */
final class Export {

    static final String NAME = "B7 export";

    static final String API_KEY = "benchmark-export-key";

    private static final Duration HEAP_SAMPLE = Duration.ofMillis(500);
    private static final String PATH = "/api/v1/events/export?format=ndjson";
    private static final double MIB = 1024 * 1024;

    private Export() {
    }

    /** The settings that let the benchmark export: a client with the export scope and every type. */
    static List<String> clientSettings() {
        return List.of(
                "--mms.clients.benchmark.api-key-sha256=" + sha256(API_KEY),
                "--mms.clients.benchmark.scopes=events:export",
                "--mms.clients.benchmark.event-types=*");
    }

    static void run(Mms mms, Consumer<Measurement> results) {
        Http http = mms.http();
        long start = System.nanoTime();
        long exported = http.countLines(PATH, API_KEY);
        Duration export = Duration.ofNanos(System.nanoTime() - start);
        long stored = mms.jdbc().queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        if (exported < stored) {
            throw new IllegalStateException("the export held " + exported + " of " + stored + " events");
        }
        Duration baseline = baseline(mms.jdbc());
        HeapWatch heap = watched(() -> http.countLines(PATH, API_KEY));

        results.accept(new Measurement(NAME, "NDJSON export of the whole history", "events", exported));
        results.accept(new Measurement(NAME, "NDJSON export of the whole history", "events/s",
                exported / seconds(export)));
        results.accept(new Measurement(NAME, "baseline: JDBC read of the same rows", "events/s",
                stored / seconds(baseline)));
        results.accept(new Measurement(NAME, "ratio export / baseline", "ratio", seconds(baseline) / seconds(export)));
        results.accept(new Measurement(NAME, "live heap before the export", "MiB", heap.before() / MIB));
        results.accept(new Measurement(NAME, "highest live heap during the export", "MiB", heap.highest() / MIB));
        results.accept(new Measurement(NAME, "live heap growth during the export", "MiB",
                (heap.highest() - heap.before()) / MIB));
        results.accept(new Measurement(NAME, "live heap samples during the export", "samples", heap.samples()));
    }

    /** Every row the export reads, in position order, from one cursor; each payload byte is touched. */
    private static Duration baseline(JdbcTemplate jdbc) {
        JdbcTemplate cursor = new JdbcTemplate(jdbc.getDataSource());
        cursor.setFetchSize(1_000);
        AtomicLong checksum = new AtomicLong();
        long start = System.nanoTime();
        cursor.query("SELECT globalIndex, aggregateIdentifier, sequenceNumber, timeStamp, payloadType, payload"
                + " FROM DomainEventEntry ORDER BY globalIndex", (RowCallbackHandler) row -> {
                    long sum = row.getLong(1) + row.getString(2).length() + row.getLong(3)
                            + row.getString(4).length() + row.getString(5).length();
                    for (byte b : row.getBytes(6)) {
                        sum += b;
                    }
                    checksum.addAndGet(sum);
                });
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private record HeapWatch(long before, long highest, int samples) {
    }

    private static HeapWatch watched(LongSupplier pass) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = liveHeap(memory);
        AtomicLong highest = new AtomicLong(before);
        AtomicLong samples = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> {
            highest.accumulateAndGet(liveHeap(memory), Math::max);
            samples.incrementAndGet();
        }, HEAP_SAMPLE.toMillis(), HEAP_SAMPLE.toMillis(), TimeUnit.MILLISECONDS);
        try {
            pass.getAsLong();
        } finally {
            sampler.shutdownNow();
            awaitQuietly(sampler);
        }
        return new HeapWatch(before, highest.get(), (int) samples.get());
    }

    /** The heap in use right after a full collection: what is still referenced. */
    private static long liveHeap(MemoryMXBean memory) {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void awaitQuietly(ScheduledExecutorService sampler) {
        try {
            sampler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
