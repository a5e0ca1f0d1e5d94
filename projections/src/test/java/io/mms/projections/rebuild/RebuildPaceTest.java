package io.mms.projections.rebuild;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A rebuild's pace is measured over its last ten seconds, and told once there is a second to measure. */
class RebuildPaceTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final String PROFILES = "customer-profiles";

    private final RebuildPace pace = new RebuildPace();

    @Test
    void thePaceIsUnknownUntilASecondHasPassed() {
        assertThat(pace.sample(PROFILES, 0, 0)).isNull();
        assertThat(pace.sample(PROFILES, 50, SECOND / 2)).isNull();
        assertThat(pace.sample(PROFILES, 100, SECOND)).isEqualTo(100.0);
    }

    @Test
    void thePaceForgetsWhatHappenedMoreThanTenSecondsAgo() {
        pace.sample(PROFILES, 0, 0);
        for (int second = 1; second <= 12; second++) {
            pace.sample(PROFILES, second <= 2 ? 1_000L * second : 2_000 + 10L * (second - 2), second * SECOND);
        }

        assertThat(pace.sample(PROFILES, 2_110, 13 * SECOND)).isEqualTo(10.0);
    }

    @Test
    void progressIsLoggedOncePerInterval() {
        Duration interval = Duration.ofSeconds(10);

        assertThat(pace.logDue(PROFILES, 0, interval)).isTrue();
        assertThat(pace.logDue(PROFILES, 9 * SECOND, interval)).isFalse();
        assertThat(pace.logDue(PROFILES, 10 * SECOND, interval)).isTrue();
        assertThat(pace.logDue("customer-timeline", 10 * SECOND, interval)).isTrue();
    }
}
