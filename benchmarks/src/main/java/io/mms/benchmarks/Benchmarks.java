package io.mms.benchmarks;

import org.axonframework.eventsourcing.eventstore.EventStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Runs the benchmarks: {@code --sizes=short} (the default) in seconds, to prove the harness
 * works, or {@code --sizes=full} or {@code --sizes=issue}, either of which writes its results
 * table into the README given with {@code --readme=<path>}. Each run starts MMS afresh on a new
 * data directory, and every figure is measured next to its baseline in that same run.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Sizes sizes = Sizes.SHORT;
        Path readme = null;
        for (String arg : args) {
            if (arg.startsWith("--readme=")) {
                readme = Path.of(arg.substring("--readme=".length()));
            } else if (arg.startsWith("--sizes=")) {
                sizes = Sizes.named(arg.substring("--sizes=".length()));
            }
        }
        String parts = List.of(args).stream().filter(arg -> arg.startsWith("--parts=")).findFirst()
                .map(arg -> arg.substring("--parts=".length())).orElse("all");
        Report report = run(sizes, stores(args), parts, readme);
        System.out.println(report.table());
        // Pooled processors and HTTP client threads of closed contexts must not keep the JVM alive.
        System.exit(0);
    }

    private static List<Store> stores(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--stores=")) {
                return List.of(arg.substring("--stores=".length()).split(",")).stream()
                        .map(name -> Store.valueOf(name.trim().toUpperCase(Locale.ROOT))).toList();
            }
        }
        return List.of(Store.values());
    }

    /**
     * Runs every benchmark {@code sizes.runs()} times on each store, the stores taking turns so
     * that both see the same phases of the machine's load. After each run the table so far
     * is written into the README, if one is given, so that an interrupted run still leaves
     * what it measured.
     */
    static Report run(Sizes sizes, List<Store> stores, Path readme) throws IOException {
        return run(sizes, stores, "all", readme);
    }

    /**
     * {@code parts} is {@code all}; {@code history}, only the benchmarks on a generated history
     * (B2 and B7), which at the sizes take half of a run by themselves; or
     * {@code export}, only B7 on a generated history, with the projections switched off.
     */
    static Report run(Sizes sizes, List<Store> stores, String parts, Path readme) throws IOException {
        Report report = new Report(sizes, stores);
        for (int run = 1; run <= sizes.runs(); run++) {
            for (Store store : stores) {
                log("%s, run %d of %d", store.label(), run, sizes.runs());
                if (parts.equals("export")) {
                    exportOnly(store, sizes, report.collector(store));
                } else {
                    runOnce(store, sizes, parts.equals("history"), report.collector(store));
                }
                report.completed(store);
                if (readme != null) {
                    report.writeInto(readme);
                }
            }
        }
        return report;
    }

    private static void runOnce(Store store, Sizes sizes, boolean historyOnly, Report.Collector results)
            throws IOException {
        Path dataDirectory = Files.createTempDirectory("mms-benchmark");
        try (Store.Started started = store.start();
             Mms mms = Mms.start(dataDirectory, started.settings())) {
            if (!historyOnly) {
                log("B1");
                List<String> customers = WritePath.run(mms, sizes, results);
                log("B6");
                Sourcing.run(mms, sizes, results);
                log("B5");
                Reads.run(mms, sizes, results);
                log("B4");
                double rate = results.value(WritePath.NAME, "registerCustomer (GraphQL)", "ops/s") / 2;
                Freshness.run(mms, sizes, rate, customers, results);
            }
            log("B2");
            Rebuild.run(mms, sizes, results);
            log("B7");
            Export.run(mms, results);
        } finally {
            delete(dataDirectory);
        }
    }

    private static void exportOnly(Store store, Sizes sizes, Report.Collector results) throws IOException {
        Path dataDirectory = Files.createTempDirectory("mms-benchmark");
        try (Store.Started started = store.start()) {
            List<String> settings = new ArrayList<>(started.settings());
            settings.add("--mms.sides.projections=false");
            try (Mms mms = Mms.start(dataDirectory, settings)) {
                log("history");
                Rebuild.generateHistory(mms.bean(EventStore.class), sizes);
                log("B7");
                Export.run(mms, results);
            }
        } finally {
            delete(dataDirectory);
        }
    }

    private static void delete(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    static void log(String format, Object... values) {
        System.out.printf("[benchmarks] " + format + "%n", values);
    }
}
