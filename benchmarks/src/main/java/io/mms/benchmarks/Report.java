package io.mms.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** Every figure of every run, summarized as median and spread per store. */
final class Report {

    private record Row(String benchmark, String workload, String metric) {
    }

    private final Sizes sizes;
    private final List<Store> stores;
    private final Map<Row, Map<Store, List<Double>>> values = new LinkedHashMap<>();
    private final Map<Store, Integer> completedRuns = new LinkedHashMap<>();

    Report(Sizes sizes, List<Store> stores) {
        this.sizes = sizes;
        this.stores = stores;
    }

    /** Where one run on one store puts its figures. */
    Collector collector(Store store) {
        return new Collector(store);
    }

    final class Collector implements Consumer<Measurement> {

        private final Store store;
        private final Map<Row, Double> ofThisRun = new LinkedHashMap<>();

        private Collector(Store store) {
            this.store = store;
        }

        @Override
        public void accept(Measurement measurement) {
            if (!Double.isFinite(measurement.value())) {
                throw new IllegalStateException("not a number: " + measurement);
            }
            Row row = new Row(measurement.benchmark(), measurement.workload(), measurement.metric());
            ofThisRun.put(row, measurement.value());
            synchronized (Report.this) {
                values.computeIfAbsent(row, key -> new LinkedHashMap<>())
                        .computeIfAbsent(store, key -> new ArrayList<>()).add(measurement.value());
            }
            Benchmarks.log("  %s | %s | %s = %s", row.benchmark(), row.workload(), row.metric(),
                    format(measurement.value()));
        }

        /** A figure this run produced before. */
        double value(String benchmark, String workload, String metric) {
            Double value = ofThisRun.get(new Row(benchmark, workload, metric));
            if (value == null) {
                throw new IllegalStateException("no figure yet for " + benchmark + " / " + workload);
            }
            return value;
        }
    }

    synchronized void completed(Store store) {
        completedRuns.merge(store, 1, Integer::sum);
    }

    /** The benchmarks that produced at least one figure on every store. */
    synchronized List<String> benchmarksWithFigures() {
        return values.keySet().stream().map(Row::benchmark).distinct()
                .filter(benchmark -> stores.stream().allMatch(store -> values.entrySet().stream()
                        .anyMatch(entry -> entry.getKey().benchmark().equals(benchmark)
                                && entry.getValue().containsKey(store))))
                .toList();
    }

    synchronized String table() {
        StringBuilder table = new StringBuilder(machine()).append("\n\n| benchmark | workload | metric |");
        stores.forEach(store -> table.append(' ').append(store.label()).append(" |"));
        table.append("\n|---|---|---|");
        stores.forEach(store -> table.append("---:|"));
        values.forEach((row, byStore) -> {
            table.append("\n| ").append(row.benchmark()).append(" | ").append(row.workload())
                    .append(" | ").append(row.metric()).append(" |");
            stores.forEach(store -> table.append(' ').append(summary(byStore.get(store))).append(" |"));
        });
        return table.append('\n').toString();
    }

    /** Replaces what lies between the file's result markers for these sizes with the table. */
    void writeInto(Path readme) throws IOException {
        String startMarker = "<!-- results:" + sizes.name() + ":start -->";
        String endMarker = "<!-- results:" + sizes.name() + ":end -->";
        String text = Files.readString(readme);
        int start = text.indexOf(startMarker);
        int end = text.indexOf(endMarker);
        if (start < 0 || end < start) {
            throw new IllegalStateException(readme + " has no " + startMarker + " ... " + endMarker + " markers");
        }
        Files.writeString(readme, text.substring(0, start + startMarker.length()) + "\n" + table()
                + text.substring(end));
    }

    /** Median, and the lowest and highest value when there were several runs. */
    private static String summary(List<Double> runs) {
        if (runs == null || runs.isEmpty()) {
            return "—";
        }
        List<Double> sorted = runs.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return n == 1 ? format(median)
                : format(median) + " (" + format(sorted.get(0)) + "–" + format(sorted.get(n - 1)) + ")";
    }

    private static String format(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 1) {
            return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
        }
        // small ratios keep three significant digits: 0.004 and 0.0004 are different findings
        return String.format(Locale.ROOT, "%.3g", value);
    }

    private String machine() {
        Runtime runtime = Runtime.getRuntime();
        var os = ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT,
                "Measured %s: runs completed per store %s of %d planned, median (lowest–highest). "
                        + "Machine: %s, %d cores, "
                        + "load average %.1f at the end; %s %s, %s, max heap %d MiB. Sizes: %s.",
                LocalDate.now(), completedRuns, sizes.runs(), cpu(), runtime.availableProcessors(),
                os.getSystemLoadAverage(), os.getName(), os.getVersion(),
                "Java " + Runtime.version(), runtime.maxMemory() / (1024 * 1024), sizes);
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
