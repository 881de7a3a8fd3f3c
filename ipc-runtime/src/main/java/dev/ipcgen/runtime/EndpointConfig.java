package dev.ipcgen.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * What every connection of one endpoint (a server, or one client connection) shares.
 *
 * @param local how this end names itself in logs, e.g. {@code unix:/run/app.sock}
 * @param services what this end serves
 * @param maxFrameLength the largest frame this end accepts (announced in its HELLO)
 * @param handlerExecutor runs handlers
 * @param callbackExecutor decodes answers and completes call futures
 * @param handshakeTimeoutMillis how long to wait for the peer's HELLO
 * @param maxConcurrentCalls how many calls from the peer may be in flight on one connection
 * @param stats the endpoint's counters
 * @param strictFingerprints whether a call to a protocol the peer serves with another fingerprint
 *     fails (true) or is only logged (false)
 * @param listener told when connections open and close; {@code null} for none
 * @param serverInterceptors see every call served, in order; empty for none
 * @param clientInterceptors see every call made, in order; empty for none
 * @param writePolicy what a caller does while the connection is not writable
 * @param maxWriteWaitNanos how long {@link WritePolicy#WAIT} waits at most
 * @param keepaliveNanos send a PING after this long without a frame from the peer; 0 for never
 * @param idleTimeoutNanos close after this long without a frame from the peer; 0 for never
 */
record EndpointConfig(
        String local,
        ServiceTable services,
        int maxFrameLength,
        Executor handlerExecutor,
        Executor callbackExecutor,
        long handshakeTimeoutMillis,
        int maxConcurrentCalls,
        IpcStats stats,
        boolean strictFingerprints,
        ConnectionListener listener,
        ServerInterceptor[] serverInterceptors,
        ClientInterceptor[] clientInterceptors,
        WritePolicy writePolicy,
        long maxWriteWaitNanos,
        long keepaliveNanos,
        long idleTimeoutNanos) {

    private static final ServerInterceptor[] NO_SERVER_INTERCEPTORS = {};
    private static final ClientInterceptor[] NO_CLIENT_INTERCEPTORS = {};

    /** How long {@link WritePolicy#WAIT} waits at most unless configured. */
    static final long DEFAULT_MAX_WRITE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** The default low-water mark of the outgoing buffer: writable again below it. */
    static final int DEFAULT_LOW_WATER_MARK = 256 * 1024;
    /** The default high-water mark of the outgoing buffer: not writable from it on. */
    static final int DEFAULT_HIGH_WATER_MARK = 1024 * 1024;

    /** No interceptors, {@link WritePolicy#WAIT} for at most 30 s, no keepalive, no idle timeout. */
    EndpointConfig(String local, ServiceTable services, int maxFrameLength, Executor handlerExecutor,
            Executor callbackExecutor, long handshakeTimeoutMillis, int maxConcurrentCalls, IpcStats stats,
            boolean strictFingerprints, ConnectionListener listener) {
        this(local, services, maxFrameLength, handlerExecutor, callbackExecutor, handshakeTimeoutMillis,
                maxConcurrentCalls, stats, strictFingerprints, listener, NO_SERVER_INTERCEPTORS, NO_CLIENT_INTERCEPTORS,
                WritePolicy.WAIT, DEFAULT_MAX_WRITE_WAIT_NANOS, 0, 0);
    }
}
