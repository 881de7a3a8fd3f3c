package dev.ipcgen.runtime;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a {@link ReconnectingClient} waits before each connection attempt of an outage: the
 * n-th wait (n from 0) is {@code initial * multiplier^n}, never more than {@code max}, then moved
 * by up to {@code jitter} of itself either way (so clients that lost the same server do not come
 * back in step) and capped at {@code max} again.
 *
 * @param initial the first wait, positive
 * @param max the longest wait, at least {@code initial}
 * @param multiplier how much each wait grows, at least 1
 * @param jitter the fraction a wait moves at random, 0 to 1
 */
record BackoffPolicy(Duration initial, Duration max, double multiplier, double jitter) {

    BackoffPolicy {
        IpcServer.checkPositive(initial, "initialBackoff");
        IpcServer.checkPositive(max, "maxBackoff");
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("maxBackoff " + max + " is shorter than initialBackoff " + initial);
        }
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("backoffMultiplier " + multiplier + " (expected: at least 1)");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("backoffJitter " + jitter + " (expected: 0 to 1)");
        }
    }

    /** The wait before the {@code n}-th attempt of an outage (from 0), before jitter. */
    long baseNanos(int n) {
        double nanos = Connection.saturatedNanos(initial) * Math.pow(multiplier, n);
        return (long) Math.min(nanos, Connection.saturatedNanos(max));
    }

    /** The wait before the {@code n}-th attempt of an outage (from 0), with jitter. */
    long delayNanos(int n) {
        long base = baseNanos(n);
        if (jitter == 0) {
            return base;
        }
        double moved = base * (1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1));
        return (long) Math.min(moved, Connection.saturatedNanos(max));
    }
}
