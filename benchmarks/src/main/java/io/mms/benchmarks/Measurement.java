package io.mms.benchmarks;

/**
 * One figure a benchmark produced in one run.
 *
 * @param benchmark the benchmark's id and name, such as "B1 write path"
 * @param workload  what was measured, such as "registerCustomer" or "baseline: JDBC insert"
 * @param metric    what the figure is, such as "ops/s" or "p99 ms"
 * @param value     the figure
 */
record Measurement(String benchmark, String workload, String metric, double value) {
}
