package dev.ipcgen.runtime;

import java.util.concurrent.Executor;

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
        ClientInterceptor[] clientInterceptors) {

    private static final ServerInterceptor[] NO_SERVER_INTERCEPTORS = {};
    private static final ClientInterceptor[] NO_CLIENT_INTERCEPTORS = {};

    /** No interceptors. */
    EndpointConfig(String local, ServiceTable services, int maxFrameLength, Executor handlerExecutor,
            Executor callbackExecutor, long handshakeTimeoutMillis, int maxConcurrentCalls, IpcStats stats,
            boolean strictFingerprints, ConnectionListener listener) {
        this(local, services, maxFrameLength, handlerExecutor, callbackExecutor, handshakeTimeoutMillis,
                maxConcurrentCalls, stats, strictFingerprints, listener, NO_SERVER_INTERCEPTORS, NO_CLIENT_INTERCEPTORS);
    }
}
