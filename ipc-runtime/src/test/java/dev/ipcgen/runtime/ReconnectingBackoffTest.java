package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The waits between reconnect attempts: exponential, capped, jittered within bounds; bad options explained. */
class ReconnectingBackoffTest {

    private static final long MS = 1_000_000;

    @Test
    void waitsGrowByTheMultiplierUpToTheMaximum() {
        BackoffPolicy p = new BackoffPolicy(Duration.ofMillis(50), Duration.ofSeconds(5), 2, 0);
        assertThat(new long[] {p.delayNanos(0), p.delayNanos(1), p.delayNanos(2), p.delayNanos(6), p.delayNanos(7),
            p.delayNanos(1000)})
                .containsExactly(50 * MS, 100 * MS, 200 * MS, 3200 * MS, 5000 * MS, 5000 * MS);
        BackoffPolicy slow = new BackoffPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 1.5, 0);
        assertThat(slow.delayNanos(1)).isEqualTo(150 * MS);
        assertThat(slow.delayNanos(Integer.MAX_VALUE)).isEqualTo(400 * MS);
    }

    @Test
    void jitterMovesEachWaitWithinItsFraction_neverPastTheMaximum() {
        BackoffPolicy p = new BackoffPolicy(Duration.ofMillis(100), Duration.ofMillis(300), 2, 0.2);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            long first = p.delayNanos(0);
            assertThat(first).isBetween(80 * MS, 120 * MS);
            seen.add(first);
            assertThat(p.delayNanos(1)).isBetween(160 * MS, 240 * MS);
            assertThat(p.delayNanos(5)).isBetween(240 * MS, 300 * MS);
        }
        assertThat(seen).hasSizeGreaterThan(100);
    }

    @Test
    void durationsTooLongForNanosecondsAreSaturated() {
        BackoffPolicy p = new BackoffPolicy(Duration.ofMillis(1), ChronoUnit.FOREVER.getDuration(), 10, 0);
        assertThat(p.delayNanos(100)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void contradictoryOrOutOfRangeOptionsAreRefusedByStart() {
        Endpoint e = Endpoint.unix(java.nio.file.Path.of("/nonexistent/s.sock"));
        assertThatThrownBy(() -> ReconnectingClient.builder(e).initialBackoff(Duration.ofSeconds(2))
                .maxBackoff(Duration.ofSeconds(1)).start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBackoff PT1S is shorter than initialBackoff PT2S");
        assertThatThrownBy(() -> ReconnectingClient.builder(e).backoffMultiplier(0.5).start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("backoffMultiplier 0.5 (expected: at least 1)");
        assertThatThrownBy(() -> ReconnectingClient.builder(e).backoffJitter(1.5).start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("backoffJitter 1.5 (expected: 0 to 1)");
        assertThatThrownBy(() -> ReconnectingClient.builder(e).initialBackoff(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("initialBackoff PT0S (expected: positive)");
        assertThatThrownBy(() -> ReconnectingClient.builder(e).maxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAttempts 0 (expected: at least 1)");
    }
}
