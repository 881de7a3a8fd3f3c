package dev.ipcgen.runtime;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what an endpoint (a server, or a client connection) dropped rather than failed on:
 * the events the wire format says are "dropped and counted". Thread-safe; read at any time.
 */
public final class IpcStats {

    private final LongAdder droppedAnswers = new LongAdder();
    private final LongAdder droppedOneWays = new LongAdder();
    private final LongAdder protocolErrors = new LongAdder();
    private final LongAdder unauthorized = new LongAdder();
    private final LongAdder failedSecureHandshakes = new LongAdder();

    IpcStats() {
    }

    /** RESPONSE or ERROR frames for a call id with no call pending (unknown, finished or timed out). */
    public long droppedAnswers() {
        return droppedAnswers.sum();
    }

    /**
     * ONEWAY messages that could not be served: unknown protocol or method, a request/response
     * message, a body that did not decode, a server interceptor's rejection (or failure), the
     * handler executor refusing it, or a handler that failed.
     */
    public long droppedOneWays() {
        return droppedOneWays.sum();
    }

    /**
     * Connections this end closed because the peer broke the wire format (wire-format.md section 1:
     * unknown kind, bad flags, no HELLO in time, a frame too long...); each was answered with a
     * connection-level ERROR.
     */
    public long protocolErrors() {
        return protocolErrors.sum();
    }

    /**
     * Connections the server's authorizer refused, each answered with {@code ERROR UNAUTHORIZED}
     * (code 11) instead of HELLO.
     */
    public long unauthorizedConnections() {
        return unauthorized.sum();
    }

    /**
     * Connections closed before their HELLO because TLS failed: a failed TLS handshake (an untrusted
     * certificate, say), or a peer speaking plaintext to a TLS endpoint or TLS to a plaintext one.
     */
    public long failedTlsHandshakes() {
        return failedSecureHandshakes.sum();
    }

    void unauthorizedConnection() {
        unauthorized.increment();
    }

    void failedTlsHandshake() {
        failedSecureHandshakes.increment();
    }

    void protocolError() {
        protocolErrors.increment();
    }

    void answerDropped() {
        droppedAnswers.increment();
    }

    void oneWayDropped() {
        droppedOneWays.increment();
    }

    @Override
    public String toString() {
        return "IpcStats[droppedAnswers=" + droppedAnswers() + ", droppedOneWays=" + droppedOneWays()
                + ", protocolErrors=" + protocolErrors()
                + (unauthorizedConnections() == 0 ? "" : ", unauthorizedConnections=" + unauthorizedConnections())
                + (failedTlsHandshakes() == 0 ? "" : ", failedTlsHandshakes=" + failedTlsHandshakes()) + "]";
    }
}
