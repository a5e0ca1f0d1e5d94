package io.mms.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness still works: the short mode runs every benchmark on every event store and each
 * produces figures. Nothing is asserted about speed; the machine running the build decides that.
 */
class ShortModeTest {

    @Test
    void everyBenchmarkProducesFiguresOnEveryStore() throws Exception {
        Report report = Benchmarks.run(Sizes.SHORT, List.of(Store.values()), null);

        assertThat(report.benchmarksWithFigures()).containsExactlyInAnyOrder(
                WritePath.NAME, Rebuild.NAME, Freshness.NAME, Reads.NAME, Sourcing.NAME,
                Export.NAME);
    }
}
