package dev.ipcgen.runtime;

import dev.ipcgen.runtime.security.AbstractSocketNames;
import dev.ipcgen.runtime.security.AuthorizationDecision;
import dev.ipcgen.runtime.security.AuthorizationGate;
import dev.ipcgen.runtime.security.AuthorizationRequest;
import dev.ipcgen.runtime.security.Authorizer;
import dev.ipcgen.runtime.security.Authorizers;
import dev.ipcgen.runtime.security.BoundSocketFile;
import dev.ipcgen.runtime.security.SocketFileSettings;
import dev.ipcgen.runtime.security.SocketFiles;
import dev.ipcgen.runtime.security.SocketInUseException;
import dev.ipcgen.runtime.security.TlsMismatchGuard;
import dev.ipcgen.runtime.security.TlsSettings;
import dev.ipcgen.runtime.transport.TransportFamily;
import dev.ipcgen.runtime.wire.FrameDecoder;
import dev.ipcgen.runtime.wire.Frames;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * A server: listens on one {@link Endpoint} and serves its {@link Service}s, several protocols on
 * every connection, routed by protocol id. Each connection is also a {@link Peer}: a handler calls
 * back its caller through {@link CallContext#peer()}.
 *
 * <pre>{@code
 * IpcServer server = IpcServer.builder()
 *     .listen(Endpoint.unix(Path.of("/run/app.sock")))
 *     .serve(AppProtocol.service(impl))
 *     .serve(AdminProtocol.service(impl))
 *     .start();
 * }</pre>
 *
 * <p>Security (see {@link Builder#authorizer}, {@link Builder#socketFileMode}, {@link Builder#tls}):
 * the socket file is created owner-only ({@code 0600}) unless configured; a socket file left by a
 * server that is gone is replaced, one with a live server behind it is refused ("another server is
 * listening on socket file PATH"); {@link #close()} removes the socket file, and so does a JVM
 * shutdown (a shutdown hook, e.g. on SIGTERM). Each connection's peer credentials are read once,
 * when it opens, and are in every {@link CallContext#credentials()}.
 */
public final class IpcServer implements AutoCloseable {

    private static final InternalLogger log = InternalLoggerFactory.getInstance(IpcServer.class);

    private final Endpoint endpoint;
    private final Transport transport;
    private final Channel serverChannel;
    private final ChannelGroup connections;
    private final EventLoopGroup acceptGroup;
    private final EventLoopGroup ioGroup;
    private final ExecutorService ownedPool;
    private final IpcStats stats;
    private final long gracePeriodMillis;
    /** The socket file this server bound; {@code null} for TCP and abstract names. */
    private final BoundSocketFile socketFile;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();

    private IpcServer(Endpoint endpoint, Transport transport, Channel serverChannel, ChannelGroup connections,
            EventLoopGroup acceptGroup, EventLoopGroup ioGroup, ExecutorService ownedPool, IpcStats stats,
            long gracePeriodMillis, BoundSocketFile socketFile) {
        this.endpoint = endpoint;
        this.transport = transport;
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.acceptGroup = acceptGroup;
        this.ioGroup = ioGroup;
        this.ownedPool = ownedPool;
        this.stats = stats;
        this.gracePeriodMillis = gracePeriodMillis;
        this.socketFile = socketFile;
    }

    /** A new server, to configure and {@link Builder#start()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where the server listens; for TCP port 0, the port actually bound. */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** The transport in use (never {@link Transport#AUTO}). */
    public Transport transport() {
        return transport;
    }

    /** What the server dropped, over all its connections. */
    public IpcStats stats() {
        return stats;
    }

    /** The number of open connections. */
    public int connectionCount() {
        return connections.size();
    }

    /**
     * The open connections whose handshake is done, as peers to call (to push to every client, say).
     * A snapshot; each peer is equal (same hash code too) to the {@link CallContext#peer()} its
     * handlers see and to the peer the {@link ConnectionListener} is told of.
     */
    public List<Peer> peers() {
        List<Peer> peers = new ArrayList<>();
        for (Channel ch : connections) {
            Connection c = ch.pipeline().get(Connection.class);
            if (c != null && c.isReady()) {
                peers.add(c);
            }
        }
        return peers;
    }

    /** For tests: how many event loops serve connections. */
    int ioThreadCount() {
        int n = 0;
        for (EventExecutor ignored : ioGroup) {
            n++;
        }
        return n;
    }

    /** Completes when the server is closed and its threads have stopped. */
    public CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    /**
     * Stops accepting and closes gracefully, and returns once closed: each connection gets a GOAWAY,
     * new requests are answered {@link ErrorCode#UNAVAILABLE}, and calls in flight (in both
     * directions) may finish during the grace period ({@link Builder#shutdownGracePeriod}); then
     * every connection is closed (calls still pending fail with {@link ErrorCode#CONNECTION_CLOSED}),
     * the socket file is removed and the event loops stop. Closing again waits for the same close.
     *
     * <p>Called from code this runtime runs (a handler on any executor, one-way handlers included,
     * an interceptor, a cancel or connection listener, a callback completing a call's future) or
     * from an event loop, it is {@link #closeAsync()}: it returns at once and the close goes on in
     * the background, since waiting there would hold up that handler's own answer or a thread other
     * calls need. From a thread of your own that such code waits for (one completing an async
     * handler's stage, say), call {@link #closeAsync()}.
     */
    @Override
    public void close() {
        CompletableFuture<Void> done = closeAsync();
        if (!onAnEventLoop() && !WorkerPool.isCurrentThreadOf(ownedPool) && !calledByTheRuntime()) {
            done.join();
        }
    }

    /**
     * Starts the close {@link #close()} describes on a thread of its own and returns at once; the
     * future, {@link #closeFuture()}, completes when the server is closed and its threads have
     * stopped. Safe from anywhere; calling it again returns the same future.
     */
    public CompletableFuture<Void> closeAsync() {
        if (closed.compareAndSet(false, true)) {
            Thread closer = new Thread(this::closeOrFail, "ipc-server-close");
            closer.setDaemon(true);
            closer.start();
        }
        return closeFuture;
    }

    private void closeOrFail() {
        try {
            closeAndWait();
        } catch (RuntimeException | Error e) {
            closeFuture.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Whether the current thread runs code the runtime called: a handler or interceptor
     * ({@link ServerCall}), a callback completing a call ({@link PendingCall}), a listener
     * ({@link Connection}). Read off the stack once per close, so that calls pay nothing for it.
     */
    private static boolean calledByTheRuntime() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames.anyMatch(f -> {
            Class<?> c = f.getDeclaringClass();
            return c == ServerCall.class || c == PendingCall.class || c == Connection.class;
        }));
    }

    private boolean onAnEventLoop() {
        for (EventExecutor e : ioGroup) {
            if (e.inEventLoop()) {
                return true;
            }
        }
        return false;
    }

    private void closeAndWait() {
        // While the server still listens no other server removes the file as stale, so it is surely ours.
        if (socketFile != null) {
            socketFile.close();
        }
        serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        if (gracePeriodMillis > 0) {
            for (Channel ch : connections) {
                Connection c = ch.pipeline().get(Connection.class);
                if (c != null) {
                    c.goAway("the server is closing", gracePeriodMillis);
                }
            }
            connections.newCloseFuture().awaitUninterruptibly(gracePeriodMillis + 500, TimeUnit.MILLISECONDS);
        }
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        acceptGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        ioGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        acceptGroup.terminationFuture().awaitUninterruptibly(3, TimeUnit.SECONDS);
        ioGroup.terminationFuture().awaitUninterruptibly(3, TimeUnit.SECONDS);
        if (ownedPool != null) {
            ownedPool.shutdown();
        }
        closeFuture.complete(null);
    }

    @Override
    public String toString() {
        return "IpcServer[" + endpoint + ", " + transport + "]";
    }

    static int checkMaxFrameLength(int maxFrameLength) {
        if (maxFrameLength < Frames.MIN_MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("maxFrameLength " + maxFrameLength + " (expected: at least "
                    + Frames.MIN_MAX_FRAME_LENGTH + ")");
        }
        return maxFrameLength;
    }

    static long nanosOrZero(Duration d) {
        return d == null ? 0 : Connection.saturatedNanos(d);
    }

    /** The idle timeout in nanoseconds (0 for none), after checking it leaves the keepalive time to work. */
    static long checkIdle(Duration keepalive, Duration idleTimeout) {
        if (keepalive != null && idleTimeout != null && idleTimeout.compareTo(keepalive) <= 0) {
            throw new IllegalArgumentException("idleTimeout " + idleTimeout.toMillis() + " ms must be longer than keepalive "
                    + keepalive.toMillis() + " ms, or a live peer is closed before it can answer a PING");
        }
        return nanosOrZero(idleTimeout);
    }

    static WriteBufferWaterMark checkWaterMarks(int low, int high) {
        if (low <= 0 || high < low) {
            throw new IllegalArgumentException("writeBufferWaterMarks " + low + ", " + high
                    + " (expected: 0 < low <= high)");
        }
        return new WriteBufferWaterMark(low, high);
    }

    static Duration checkPositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " " + d + " (expected: positive)");
        }
        return d;
    }

    /** Options of a server. Not thread-safe. */
    public static final class Builder {
        private Endpoint endpoint;
        private final EndpointOptions options = new EndpointOptions();
        /*
         * One event loop per processor, not Netty's two: the loops only frame, route and copy bytes
         * (handlers and callbacks run on the worker pool), so on a 2-core machine more loops than
         * cores would only compete with handler threads for the cores and add context switches.
         */
        private int ioThreads = Runtime.getRuntime().availableProcessors();
        private Duration gracePeriod = Duration.ofSeconds(1);
        private Authorizer authorizer = Authorizers.allowAll();
        private SocketFileSettings socketFile = SocketFileSettings.defaults();

        private Builder() {
        }

        /** Where to listen (required). */
        public Builder listen(Endpoint endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /**
         * Serves a protocol on every connection.
         *
         * @throws IllegalArgumentException if a service with the same protocol id is already registered
         */
        public Builder serve(Service service) {
            options.serve(service);
            return this;
        }

        /**
         * Runs handlers; default: a pool of daemon threads owned by the server (as many as
         * processors, one more whenever its queue stalls because handlers block). A direct
         * executor ({@code Runnable::run}) runs them inline on the event loop, which only handlers
         * that never block may use (the way benchmarks run gRPC with a direct executor).
         */
        public Builder handlerExecutor(Executor executor) {
            options.handlerExecutor(executor);
            return this;
        }

        /**
         * Decodes answers to calls the server makes (through {@link CallContext#peer()}) and completes
         * their futures; default: the server's own pool, never an event loop.
         */
        public Builder callbackExecutor(Executor executor) {
            options.callbackExecutor(executor);
            return this;
        }

        /** The largest frame this end accepts, at least 65,536; default 16 MiB. */
        public Builder maxFrameLength(int maxFrameLength) {
            options.maxFrameLength(maxFrameLength);
            return this;
        }

        /** The I/O transport; default {@link Transport#AUTO}. */
        public Builder transport(Transport transport) {
            options.transport(transport);
            return this;
        }

        /**
         * Event loop threads for connections, at least 1; default: the number of processors
         * ({@link Runtime#availableProcessors()} when the builder is made). One more thread accepts
         * connections.
         */
        public Builder ioThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("ioThreads " + threads + " (expected: at least 1)");
            }
            this.ioThreads = threads;
            return this;
        }

        /**
         * How long a new connection may take, from being accepted, to send its HELLO; with
         * {@link #tls} the TLS handshake and the {@link #authorizer} before it count against the same
         * time; default 10 s. A peer that sends nothing is closed after it.
         */
        public Builder handshakeTimeout(Duration timeout) {
            options.handshakeTimeout(timeout);
            return this;
        }

        /** How many calls may be in flight on one connection; past it, RESOURCE_EXHAUSTED. Default 4,096. */
        public Builder maxConcurrentCalls(int max) {
            options.maxConcurrentCalls(max);
            return this;
        }

        /**
         * How long {@link IpcServer#close()} lets calls in flight finish after sending GOAWAY; default
         * 1 s; zero closes connections at once.
         */
        public Builder shutdownGracePeriod(Duration gracePeriod) {
            Objects.requireNonNull(gracePeriod, "gracePeriod");
            if (gracePeriod.isNegative()) {
                throw new IllegalArgumentException("shutdownGracePeriod " + gracePeriod + " (expected: zero or positive)");
            }
            this.gracePeriod = gracePeriod;
            return this;
        }

        /**
         * Whether calls the server makes (through {@link CallContext#peer()}) to a protocol the client
         * serves with another fingerprint fail locally; default false: a warning, logged once per
         * connection and protocol.
         */
        public Builder strictFingerprints(boolean strict) {
            options.strictFingerprints(strict);
            return this;
        }

        /** Adds an interceptor of the calls the server serves; they run in the order added. */
        public Builder serverInterceptor(ServerInterceptor interceptor) {
            options.serverInterceptor(interceptor);
            return this;
        }

        /**
         * Adds an interceptor of the calls the server makes to its clients (through
         * {@link CallContext#peer()} or {@link IpcServer#peers()}); they run in the order added.
         */
        public Builder clientInterceptor(ClientInterceptor interceptor) {
            options.clientInterceptor(interceptor);
            return this;
        }

        /**
         * What a caller does when the connection is not writable because the peer is not reading:
         * {@link WritePolicy#WAIT} (the default) or {@link WritePolicy#FAIL}.
         */
        public Builder writePolicy(WritePolicy policy) {
            options.writePolicy(policy);
            return this;
        }

        /**
         * How long {@link WritePolicy#WAIT} blocks a caller at most before failing its call with
         * {@link ErrorCode#RESOURCE_EXHAUSTED}; default 30 s.
         */
        public Builder maxWriteWait(Duration maxWait) {
            options.maxWriteWait(maxWait);
            return this;
        }

        /**
         * The outgoing buffer's water marks, in bytes: from {@code high} bytes waiting to be written
         * on, the connection is not writable and callers wait or fail ({@link #writePolicy}); it is
         * writable again once below {@code low}. Default 256 KiB and 1 MiB.
         *
         * @throws IllegalArgumentException unless {@code 0 < low <= high}
         */
        public Builder writeBufferWaterMarks(int low, int high) {
            options.writeBufferWaterMarks(low, high);
            return this;
        }

        /**
         * Sends a PING (wire-format.md section 1) whenever the peer has sent no frame for this long,
         * so that the peer's idle timeout does not close a quiet but live connection, and this end's
         * {@link #idleTimeout} hears from a live peer; default: never.
         */
        public Builder keepalive(Duration interval) {
            options.keepalive(interval);
            return this;
        }

        /**
         * Closes a connection on which the peer has sent no frame (a PONG counts) for this long: a dead
         * peer, or a hung one. Calls still pending fail with {@link ErrorCode#CONNECTION_CLOSED}
         * ("connection closed by this end after an idle timeout: nothing from PEER for N ms").
         * Counted from the peer's HELLO on. Must be longer than {@link #keepalive} when both are
         * set; default: never.
         */
        public Builder idleTimeout(Duration timeout) {
            options.idleTimeout(timeout);
            return this;
        }

        /** Told when client connections open and close. */
        public Builder connectionListener(ConnectionListener listener) {
            options.connectionListener(listener);
            return this;
        }

        /**
         * Decides, once per accepted connection, whether it may proceed: after the peer's credentials
         * are read (and the TLS handshake is done), before HELLO is sent or any frame is read. A
         * refusal is answered with {@code ERROR UNAUTHORIZED} (code 11, call id 0, the decision's
         * reason as message) instead of HELLO, then the connection is closed; it is logged with the
         * reason and counted in {@link IpcStats#unauthorizedConnections()}, and the
         * {@link #connectionListener} never hears of it. The authorizer runs on an I/O thread and must
         * not block; nothing of it runs per call. Default {@link Authorizers#allowAll()}, the socket
         * file's mode being the guard. Built-ins: {@link Authorizers#sameUser()},
         * {@link Authorizers#uidIn}, {@link Authorizers#gidIn}, {@link Authorizers#tlsSubjectIn}.
         */
        public Builder authorizer(Authorizer authorizer) {
            this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
            return this;
        }

        /**
         * The mode and group of the socket file of a Unix endpoint; default {@code 0600}, no group
         * change (only this server's user may connect). Ignored for TCP and abstract names.
         */
        public Builder socketFile(SocketFileSettings settings) {
            this.socketFile = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * The socket file's mode, e.g. {@code "0660"} to let a group connect (with {@link #socketFileGroup});
         * default {@code 0600}.
         *
         * @throws IllegalArgumentException if {@code mode} is not 3 or 4 octal digits without special bits
         */
        public Builder socketFileMode(String mode) {
            this.socketFile = new SocketFileSettings(SocketFileSettings.parseMode(mode), socketFile.group());
            return this;
        }

        /** The group to give the socket file (this server's user must belong to it); default: unchanged. */
        public Builder socketFileGroup(String group) {
            this.socketFile = socketFile.withGroup(group);
            return this;
        }

        /**
         * Serves TLS (Netty's {@code SslHandler} over the JDK provider) with {@code settings}, which
         * must hold a certificate and key; with {@link dev.ipcgen.runtime.security.ClientAuth#REQUIRE}
         * it is mutual TLS and each call's {@link CallContext#tlsSubject()} names the client's
         * certificate. TLS is for TCP endpoints only: a Unix socket is guarded by its file mode and
         * the peer's credentials, so {@link #start()} refuses TLS on one. The TLS handshake, and then
         * the client's HELLO, must end within the {@link #handshakeTimeout} of accepting the
         * connection. A client speaking plaintext to it is closed at once, and the failure is logged and counted in {@link IpcStats#failedTlsHandshakes()}.
         */
        public Builder tls(TlsSettings settings) {
            options.tls(settings);
            return this;
        }

        /**
         * Binds and starts serving.
         *
         * @throws IllegalArgumentException if {@link Builder#idleTimeout} is not longer than {@link Builder#keepalive},
         *     or {@link #tls} is set for a Unix endpoint or without a certificate and key
         * @throws IpcException ({@link ErrorCode#LISTEN_FAILED}) if the endpoint cannot be used, e.g.
         *     "another server is listening on socket file /run/app.sock"
         */
        public IpcServer start() {
            if (endpoint == null) {
                throw new IllegalStateException("no endpoint: call listen(Endpoint) before start()");
            }
            Endpoint where = endpoint;
            long idleTimeoutNanos = options.idleTimeoutNanos();
            TlsSettings tls = options.tls();
            int maxFrameLength = options.maxFrameLength();
            if (tls != null && where.isUnix()) {
                throw new IllegalArgumentException("TLS is for TCP endpoints, and " + where + " is a Unix socket: "
                        + "guard it with its file mode and an authorizer instead");
            }
            if (tls != null && !tls.hasIdentity()) {
                throw new IllegalArgumentException("a TLS server needs a certificate and private key: "
                        + "call TlsSettings.Builder.identity(...)");
            }
            boolean socketFileEndpoint = where.isUnix() && !where.isAbstract();
            TransportFamily family;
            SocketAddress address;
            try {
                family = TransportFamily.of(options.transport());
                if (socketFileEndpoint) {
                    TransportFamily.checkSocketPath(where.path());
                    clearStaleSocket(where.path());
                }
                address = family.address(where);
            } catch (IllegalArgumentException | IllegalStateException | IOException e) {
                throw IpcException.of(ErrorCode.LISTEN_FAILED, where.toString(),
                        "cannot listen on " + where + ": " + e.getMessage(), null);
            }
            ExecutorService ownedPool = options.needsOwnPool() ? WorkerPool.newPool("ipc-server-worker") : null;
            IpcStats stats = new IpcStats();
            EndpointConfig config = options.config(where.toString(), stats, ownedPool, idleTimeoutNanos);
            EventLoopGroup acceptGroup = family.newGroup(1, "ipc-accept");
            EventLoopGroup ioGroup = family.newGroup(ioThreads, "ipc-server-io");
            ChannelGroup connections = new DefaultChannelGroup("ipc-server " + where, GlobalEventExecutor.INSTANCE);
            AtomicLong accepted = new AtomicLong();
            Authorizer authorizer = this.authorizer;
            // How logs name this server: its endpoint as bound (a TCP port 0 becomes the real port).
            AtomicReference<String> local = new AtomicReference<>(where.toString());
            BiConsumer<AuthorizationRequest, AuthorizationDecision> observer = (request, decision) -> {
                if (!decision.allowed()) {
                    stats.unauthorizedConnection();
                    log.warn("{}: refused the connection of {}: {}", local.get(), request.describePeer(),
                            decision.reason());
                }
            };
            long handshakeMillis = options.handshakeTimeout().toMillis();
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(acceptGroup, ioGroup)
                    .channelFactory(() -> family.newServerChannel(where))
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, options.waterMark())
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            connections.add(ch);
                            Connection c = new Connection(config, describePeer(where, ch, accepted.incrementAndGet()), true);
                            ChannelPipeline p = ch.pipeline();
                            if (tls == null) {
                                p.addLast(TlsMismatchGuard.expectingPlaintext(),
                                        AuthorizationGate.forConnection(authorizer, Builder::refusal, observer));
                            } else {
                                SslHandler ssl = new SslHandler(tls.newServerEngine());
                                ssl.setHandshakeTimeoutMillis(handshakeMillis);
                                p.addLast(TlsMismatchGuard.expectingTls(), ssl, new TlsFailureReporter(local::get, stats),
                                        AuthorizationGate.afterTlsHandshake(authorizer, Builder::refusal, observer,
                                                ssl.engine(), ssl.handshakeFuture()));
                            }
                            p.addLast(new FrameDecoder(maxFrameLength), c);
                        }
                    });
            if (!where.isUnix()) {
                bootstrap.childOption(ChannelOption.TCP_NODELAY, true);
            }
            ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
            Throwable failure = bound.cause();
            BoundSocketFile file = null;
            if (bound.isSuccess() && socketFileEndpoint) {
                try {
                    file = BoundSocketFile.claim(where.path(), socketFile);
                } catch (IOException e) {
                    failure = e;
                    bound.channel().close().awaitUninterruptibly(2, TimeUnit.SECONDS);
                    try {
                        Files.deleteIfExists(where.path());
                    } catch (IOException d) {
                        // Just bound by this server, so removable; if not, the next start replaces it as stale.
                    }
                }
            }
            if (failure != null) {
                acceptGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
                ioGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
                if (ownedPool != null) {
                    ownedPool.shutdown();
                }
                throw IpcException.of(ErrorCode.LISTEN_FAILED, where.toString(),
                        "cannot listen on " + where + ": " + failure.getMessage(), failure);
            }
            Channel server = bound.channel();
            Endpoint actual = where;
            if (!where.isUnix() && server.localAddress() instanceof InetSocketAddress) {
                actual = Endpoint.tcp(where.host(), ((InetSocketAddress) server.localAddress()).getPort());
            }
            local.set(actual.toString());
            return new IpcServer(actual, family.transport(), server, connections, acceptGroup, ioGroup, ownedPool, stats,
                    gracePeriod.toMillis(), file);
        }

        /**
         * Makes {@code path} free to bind: a socket file nobody listens on is deleted; a live server
         * or a file that is not a socket is an error naming the path.
         */
        private static void clearStaleSocket(Path path) throws IOException {
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !SocketFiles.isSocket(path)) {
                throw new IllegalStateException(path + " exists and is not a socket");
            }
            try {
                SocketFiles.removeStale(path);
            } catch (SocketInUseException e) {
                throw new IllegalStateException("another server is listening on socket file " + path);
            }
        }

        /** The refusal a denied connection gets instead of HELLO: ERROR UNAUTHORIZED, call id 0. */
        private static ByteBuf refusal(ByteBufAllocator alloc, String reason) {
            return Frames.error(alloc, 0, 0, 0, ErrorCode.UNAUTHORIZED.value(), reason);
        }

        /**
         * How a server's errors name a client until its credentials are read: its TCP address, or its
         * number on a Unix socket (the connection names it by pid once known).
         */
        private static String describePeer(Endpoint where, Channel ch, long n) {
            if (!where.isUnix()) {
                SocketAddress remote = ch.remoteAddress();
                return remote == null ? "client #" + n + " of " + where : AbstractSocketNames.describe(remote);
            }
            return "client #" + n + " on " + where;
        }
    }
}
