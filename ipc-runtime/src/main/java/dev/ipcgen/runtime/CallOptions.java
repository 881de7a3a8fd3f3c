package dev.ipcgen.runtime;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-call options a sender applies to every call it makes. Immutable; the {@code with...}
 * methods return new options.
 */
public final class CallOptions {

    /** No timeout, no metadata. */
    public static final CallOptions DEFAULT = new CallOptions(null, Map.of());

    private final Duration timeout;
    private final Map<String, Bytes> metadata;

    private CallOptions(Duration timeout, Map<String, Bytes> metadata) {
        this.timeout = timeout;
        this.metadata = metadata;
    }

    /** The same options with a timeout for each call. */
    public CallOptions withTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout " + timeout + " (expected: zero or positive)");
        }
        return new CallOptions(timeout, metadata);
    }

    /**
     * The same options with one more metadata entry (wire-format.md section 1), such as an auth
     * token or a trace id, sent with every REQUEST and ONEWAY and given to the handler as
     * {@link CallContext#metadata()}. Keys are lowercase ASCII by convention; a key set twice keeps
     * the last value.
     */
    public CallOptions withMetadata(String key, Bytes value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Map<String, Bytes> copy = new LinkedHashMap<>(metadata);
        copy.put(key, value);
        return new CallOptions(timeout, Collections.unmodifiableMap(copy));
    }

    /** The timeout, if any. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** The metadata sent with each call, in the order it was added; empty by default. */
    public Map<String, Bytes> metadata() {
        return metadata;
    }

    @Override
    public String toString() {
        return "CallOptions[timeout=" + timeout + (metadata.isEmpty() ? "" : ", metadata=" + metadata.keySet()) + "]";
    }
}
