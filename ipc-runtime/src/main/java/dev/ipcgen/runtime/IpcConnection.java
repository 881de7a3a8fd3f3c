package dev.ipcgen.runtime;

import dev.ipcgen.runtime.security.PeerCredentials;
import io.netty.channel.EventLoopGroup;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A client's connection to a server, made by {@link IpcClient}: a {@link Peer} to call, and the
 * other end of the services the client serves. Thread-safe. Closing it fails every call still
 * pending with {@link ErrorCode#CONNECTION_CLOSED} and stops its event loop.
 *
 * <p>It is {@link #equals equal}, with the same hash code, to the other objects that stand for
 * this connection on the client: the peer the client's handlers see as {@link CallContext#peer()}
 * and the peer its {@link ConnectionListener} is told of. So any of them keys per-connection state.
 */
public final class IpcConnection implements Peer, AutoCloseable {

    private final Connection connection;
    private final EventLoopGroup group;
    private final ExecutorService ownedPool;
    private final IpcStats stats;
    private final Transport transport;
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();

    IpcConnection(Connection connection, EventLoopGroup group, ExecutorService ownedPool, IpcStats stats,
            Transport transport) {
        this.connection = connection;
        this.group = group;
        this.ownedPool = ownedPool;
        this.stats = stats;
        this.transport = transport;
        group.terminationFuture().addListener(f -> {
            if (ownedPool != null) {
                ownedPool.shutdown();
            }
            closeFuture.complete(null);
        });
    }

    @Override
    public <Req, Resp> CompletableFuture<Resp> call(MethodDescriptor<Req, Resp> method, Req request, CallOptions options) {
        return connection.call(method, request, options);
    }

    @Override
    public <Req> CompletableFuture<Void> send(MethodDescriptor<Req, Void> method, Req request, CallOptions options) {
        return connection.send(method, request, options);
    }

    /** The server's endpoint, e.g. {@code unix:/run/app.sock}. */
    @Override
    public String describe() {
        return connection.describe();
    }

    /** The server's Unix credentials (uid, gid, and pid on epoll); unknown on TCP. */
    @Override
    public PeerCredentials credentials() {
        return connection.credentials();
    }

    /** The server's TLS certificate, on a TLS connection. */
    @Override
    public Optional<X509Certificate> tlsCertificate() {
        return connection.tlsCertificate();
    }

    /** The subject of the server's TLS certificate, on a TLS connection. */
    @Override
    public Optional<String> tlsSubject() {
        return connection.tlsSubject();
    }

    /** The protocols the server serves, from its HELLO. */
    public List<ProtocolInfo> remoteProtocols() {
        return connection.remoteProtocols();
    }

    /** The transport in use (never {@link Transport#AUTO}). */
    public Transport transport() {
        return transport;
    }

    /** What this connection dropped. */
    public IpcStats stats() {
        return stats;
    }

    /** Whether the connection is still open. */
    public boolean isOpen() {
        return !connection.isClosed();
    }

    /** Bytes of calls and one-way messages waiting to be written on this end (queued and buffered). */
    long pendingWriteBytes() {
        return connection.pendingWriteBytes();
    }

    /** Completes when the connection is closed (by either end) and its event loop has stopped. */
    public CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    /** Closes the connection and stops its event loop; waits up to a few seconds for both. */
    @Override
    public void close() {
        connection.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        if (!group.next().inEventLoop()) {
            group.terminationFuture().awaitUninterruptibly(3, TimeUnit.SECONDS);
        }
    }

    Connection connection() {
        return connection;
    }

    /**
     * Whether {@code o} stands for the same connection: this object, the peer its handlers see as
     * {@link CallContext#peer()}, or the peer its {@link ConnectionListener} is told of.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || Connection.of(o) == connection;
    }

    @Override
    public int hashCode() {
        return connection.hashCode();
    }

    @Override
    public String toString() {
        return "IpcConnection[" + describe() + ", " + transport + "]";
    }
}
