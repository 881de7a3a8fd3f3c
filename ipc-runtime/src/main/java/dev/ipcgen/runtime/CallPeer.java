package dev.ipcgen.runtime;

import dev.ipcgen.runtime.security.PeerCredentials;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The caller as a handler sees it ({@link CallContext#peer()}): its connection, with the served
 * call's deadline and cancellation passed on to every call made through it, so work a handler
 * starts on the caller's behalf stops when the caller stops waiting. Once the served call's answer
 * is written (or dropped) it is the plain connection: a peer kept after the handler returned
 * inherits nothing and leaves nothing behind. Equal to the connection.
 */
final class CallPeer implements Peer {

    private final Connection connection;
    private final ServerCall served;

    CallPeer(Connection connection, ServerCall served) {
        this.connection = connection;
        this.served = served;
    }

    Connection connection() {
        return connection;
    }

    ServerCall served() {
        return served;
    }

    @Override
    public <Req, Resp> CompletableFuture<Resp> call(MethodDescriptor<Req, Resp> method, Req request, CallOptions options) {
        if (connection.isClosed() || served.hasEnded()) {
            // Closed: say why (CONNECTION_CLOSED and its reason), not merely that the served call was
            // cancelled. Ended: a peer kept after its call is the plain connection.
            return connection.call(method, request, options);
        }
        CallOptions inherited = options;
        if (served.hasDeadline()) {
            long left = served.deadlineNanos() - System.nanoTime();
            if (left <= 0 || served.isCancelled()) {
                return CompletableFuture.failedFuture(IpcException.callFailed(
                        served.isCancelled() ? ErrorCode.CANCELLED : ErrorCode.DEADLINE_EXCEEDED, method.fullName(),
                        describe(), "the call being served (" + served.method().fullName() + ") "
                                + (served.isCancelled() ? "was cancelled" : "has no time left")));
            }
            Duration remaining = Duration.ofNanos(left);
            if (options.timeout().isEmpty() || options.timeout().get().compareTo(remaining) > 0) {
                inherited = options.withTimeout(remaining);
            }
        } else if (served.isCancelled()) {
            return CompletableFuture.failedFuture(IpcException.callFailed(ErrorCode.CANCELLED, method.fullName(),
                    describe(), "the call being served (" + served.method().fullName() + ") was cancelled"));
        }
        CompletableFuture<Resp> f = connection.call(method, request, inherited);
        if (served.callId() != 0 && !f.isDone()) {
            served.adopt(f);
        }
        return f;
    }

    @Override
    public <Req> CompletableFuture<Void> send(MethodDescriptor<Req, Void> method, Req request, CallOptions options) {
        return connection.send(method, request, options);
    }

    @Override
    public String describe() {
        return connection.describe();
    }

    @Override
    public PeerCredentials credentials() {
        return connection.credentials();
    }

    @Override
    public Optional<X509Certificate> tlsCertificate() {
        return connection.tlsCertificate();
    }

    @Override
    public Optional<String> tlsSubject() {
        return connection.tlsSubject();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || Connection.of(o) == connection;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(connection);
    }

    @Override
    public String toString() {
        return connection.toString();
    }
}
