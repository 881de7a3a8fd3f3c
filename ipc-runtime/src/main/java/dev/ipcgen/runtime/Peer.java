package dev.ipcgen.runtime;

import dev.ipcgen.runtime.security.PeerCredentials;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The other end of a connection, as something to call. A client's {@code IpcConnection} is a
 * peer, and so is the caller seen from a handler ({@link CallContext#peer()}). Generated senders
 * are thin wrappers over these two methods.
 */
public interface Peer {

    /**
     * Calls a request/response message. The request is encoded on the calling thread into the
     * outgoing frame; the future completes on the endpoint's callback executor, never on an event
     * loop, with the response or an {@link IpcException}.
     */
    <Req, Resp> CompletableFuture<Resp> call(MethodDescriptor<Req, Resp> method, Req request, CallOptions options);

    /**
     * Sends a one-way message. The future completes when the frame has been written to the socket,
     * or fails with an {@link IpcException}.
     */
    <Req> CompletableFuture<Void> send(MethodDescriptor<Req, Void> method, Req request, CallOptions options);

    /**
     * How errors and logs name this peer: a server by its endpoint, e.g. {@code unix:/run/app.sock}
     * or {@code tcp:127.0.0.1:7000}; a client, as its server names it, by its TCP address
     * ({@code tcp:127.0.0.1:53122}) or on a Unix socket by its pid or connection number
     * ({@code client #3 on unix:/run/app.sock}).
     */
    String describe();

    /**
     * Who the peer is, as the kernel told when the connection opened (read once per connection):
     * on a Unix socket its uid and gid, and its pid on epoll (and on kqueue where the OS tells);
     * {@link PeerCredentials#unknown()} on TCP.
     */
    default PeerCredentials credentials() {
        return PeerCredentials.unknown();
    }

    /** The peer's TLS certificate, if the connection is TLS and the peer sent one (a client only under mutual TLS). */
    default Optional<X509Certificate> tlsCertificate() {
        return Optional.empty();
    }

    /** The subject of {@link #tlsCertificate()} in RFC 2253 form, e.g. {@code CN=client,O=ipcgen}. */
    default Optional<String> tlsSubject() {
        return Optional.empty();
    }
}
