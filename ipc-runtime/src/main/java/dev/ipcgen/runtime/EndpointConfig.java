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
 * @param listener told when connections open and close; {@code null} for none
 * @param strictFingerprints whether a call to a protocol the peer serves with another fingerprint
 *     fails (true) or is only logged (false)
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
        ConnectionListener listener) {
}
