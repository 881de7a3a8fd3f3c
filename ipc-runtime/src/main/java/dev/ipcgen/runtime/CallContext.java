package dev.ipcgen.runtime;

import java.util.Map;

/** What a handler knows about the call it is serving. */
public interface CallContext {

    /** The peer that made the call; generated senders over it call back on the same connection. */
    Peer peer();

    /** The message being served. */
    MethodDescriptor<?, ?> method();

    /** The caller's call id; 0 for a one-way message. */
    long callId();

    /**
     * Whether the call was cancelled by its caller or its timeout passed: it has been answered
     * already, so a long handler may stop; whatever it returns is dropped.
     */
    default boolean isCancelled() {
        return false;
    }

    /** The metadata the caller sent with this call (auth token, trace id...); empty if none. */
    default Map<String, Bytes> metadata() {
        return Map.of();
    }
}
