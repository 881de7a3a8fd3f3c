package dev.ipcgen.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-call options a sender applies to every call it makes. Immutable; the {@code with...}
 * methods return new options.
 */
public final class CallOptions {

    /** No timeout. */
    public static final CallOptions DEFAULT = new CallOptions(null);

    private final Duration timeout;

    private CallOptions(Duration timeout) {
        this.timeout = timeout;
    }

    /** The same options with a timeout for each call. */
    public CallOptions withTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout " + timeout + " (expected: zero or positive)");
        }
        return new CallOptions(timeout);
    }

    /** The timeout, if any. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    @Override
    public String toString() {
        return "CallOptions[timeout=" + timeout + "]";
    }
}
