package dev.ipcgen.runtime;

import dev.ipcgen.runtime.security.TlsMismatchGuard;
import dev.ipcgen.runtime.security.TlsSettings;
import dev.ipcgen.runtime.transport.TransportFamily;
import dev.ipcgen.runtime.wire.FrameDecoder;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslHandler;
import java.net.ConnectException;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Connects to a server. {@link #connect(Endpoint)} returns once the server's HELLO has arrived, so
 * a call to a protocol the server does not serve fails at once with an explanation.
 *
 * <pre>{@code
 * try (IpcConnection conn = IpcClient.connect(Endpoint.unix(Path.of("/run/app.sock")))) {
 *     AppProtocol.Sender app = AppProtocol.sender(conn);
 *     Optional<User> user = app.getUser(42).join().user();
 * }
 * }</pre>
 */
public final class IpcClient {

    private IpcClient() {
    }

    /** Connects with the defaults: no services, {@link Transport#AUTO}. */
    public static IpcConnection connect(Endpoint endpoint) {
        return builder().connect(endpoint);
    }

    /** A client with services, executors or limits of its own. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options of a client connection. Not thread-safe; each {@link #connect} makes a new connection. */
    public static final class Builder {
        private final EndpointOptions options = new EndpointOptions();
        private Duration connectTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /**
         * Speaks TLS (Netty's {@code SslHandler} over the JDK provider) with {@code settings}: their
         * trusted certificates check the server's, whose names are checked against the host dialled
         * unless {@link TlsSettings.Builder#verifyHostname} turned that off, and their certificate
         * and key, if any, answer a server asking for mutual TLS. TCP endpoints only ({@link #connect}
         * refuses TLS to a Unix socket). The handshake must end within the {@link #handshakeTimeout}.
         * A failure is a {@link ErrorCode#CONNECT_FAILED} saying what went wrong, e.g. that the
         * server speaks plaintext, or that it did not accept this client's certificate.
         */
        public Builder tls(TlsSettings settings) {
            options.tls(settings);
            return this;
        }

        /** Serves {@code service} to the server (bidirectional calls). */
        public Builder serve(Service service) {
            options.serve(service);
            return this;
        }

        /** Runs handlers; default: a pool of daemon threads owned by the connection, growing when handlers block. */
        public Builder handlerExecutor(Executor executor) {
            options.handlerExecutor(executor);
            return this;
        }

        /** Decodes answers and completes futures; default: the connection's own pool, never an event loop. */
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

        /** How long to wait for the socket to connect; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = IpcServer.checkPositive(timeout, "connectTimeout");
            return this;
        }

        /** How long to wait for the server's HELLO, and, with {@link #tls}, for the TLS handshake; default 10 s. */
        public Builder handshakeTimeout(Duration timeout) {
            options.handshakeTimeout(timeout);
            return this;
        }

        /** How many calls from the server may be in flight at once; default 4,096. */
        public Builder maxConcurrentCalls(int max) {
            options.maxConcurrentCalls(max);
            return this;
        }

        /**
         * Whether a call to a protocol the server serves with another fingerprint fails locally;
         * default false: a warning, logged once per connection and protocol.
         */
        public Builder strictFingerprints(boolean strict) {
            options.strictFingerprints(strict);
            return this;
        }

        /** Adds an interceptor of the calls the client serves (calls from the server); they run in the order added. */
        public Builder serverInterceptor(ServerInterceptor interceptor) {
            options.serverInterceptor(interceptor);
            return this;
        }

        /** Adds an interceptor of the calls the client makes; they run in the order added. */
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

        /** Told when the connection has opened and when it closes. */
        public Builder connectionListener(ConnectionListener listener) {
            options.connectionListener(listener);
            return this;
        }

        /**
         * Connects and waits for the server's HELLO.
         *
         * @throws IllegalArgumentException if {@link Builder#idleTimeout} is not longer than {@link Builder#keepalive},
         *     or {@link #tls} is set for a Unix endpoint
         * @throws IpcException ({@link ErrorCode#CONNECT_FAILED}, or {@link ErrorCode#UNAUTHORIZED} if the
         *     server refused) with a message naming the endpoint and what went wrong
         */
        public IpcConnection connect(Endpoint endpoint) {
            long idleTimeoutNanos = validate(endpoint);
            TlsSettings tls = options.tls();
            int maxFrameLength = options.maxFrameLength();
            Duration handshakeTimeout = options.handshakeTimeout();
            boolean socketFile = endpoint.isUnix() && !endpoint.isAbstract();
            TransportFamily family;
            SocketAddress address;
            try {
                family = TransportFamily.of(options.transport());
                if (socketFile) {
                    TransportFamily.checkSocketPath(endpoint.path());
                }
                address = family.address(endpoint);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw IpcException.of(ErrorCode.CONNECT_FAILED, endpoint.toString(),
                        "cannot connect to " + endpoint + ": " + e.getMessage(), null);
            }
            if (socketFile && !Files.exists(endpoint.path())) {
                throw IpcException.of(ErrorCode.CONNECT_FAILED, endpoint.toString(),
                        "no server at " + endpoint + ": no such socket file", null);
            }
            ExecutorService ownedPool = options.needsOwnPool() ? WorkerPool.newPool("ipc-client-worker") : null;
            IpcStats stats = new IpcStats();
            EndpointConfig config = options.config("client of " + endpoint, stats, ownedPool, idleTimeoutNanos);
            Connection connection = new Connection(config, endpoint.toString());
            EventLoopGroup group = family.newGroup(1, "ipc-client-io");
            IpcConnection result = new IpcConnection(connection, group, ownedPool, stats, family.transport());
            Bootstrap bootstrap = new Bootstrap()
                    .group(group)
                    .channelFactory(() -> family.newChannel(endpoint))
                    .option(ChannelOption.WRITE_BUFFER_WATER_MARK, options.waterMark())
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                    .handler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            if (tls != null) {
                                SslHandler ssl = new SslHandler(tls.newClientEngine(endpoint.host(), endpoint.port()));
                                ssl.setHandshakeTimeoutMillis(handshakeTimeout.toMillis());
                                ch.pipeline().addLast(TlsMismatchGuard.expectingTls(), ssl);
                            }
                            ch.pipeline().addLast(new FrameDecoder(maxFrameLength), connection);
                        }
                    });
            if (!endpoint.isUnix()) {
                bootstrap.option(ChannelOption.TCP_NODELAY, true);
            }
            try {
                ChannelFuture connected = bootstrap.connect(address);
                if (!connected.awaitUninterruptibly(connectTimeout.toMillis() + 1000)) {
                    throw IpcException.of(ErrorCode.CONNECT_FAILED, endpoint.toString(),
                            "cannot connect to " + endpoint + ": no answer within " + connectTimeout.toMillis() + " ms", null);
                }
                if (!connected.isSuccess()) {
                    throw connectFailed(endpoint, connected.cause());
                }
                // However the connection ends, its event loop is of no further use.
                connected.channel().closeFuture().addListener(f -> group.shutdownGracefully(0, 2, TimeUnit.SECONDS));
                connection.ready.get(handshakeTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
                return result;
            } catch (ExecutionException e) {
                result.close();
                if (tls == null && !endpoint.isUnix() && e.getCause() instanceof IpcException
                        && ((IpcException) e.getCause()).code() == ErrorCode.CONNECT_FAILED
                        && String.valueOf(e.getCause().getMessage()).contains("before its HELLO")) {
                    // A TLS server closes a plaintext client at once, without a word it could read.
                    throw IpcException.of(ErrorCode.CONNECT_FAILED, endpoint.toString(), e.getCause().getMessage()
                            + "; if " + endpoint + " expects TLS, give this client TlsSettings (IpcClient.Builder.tls)",
                            e.getCause());
                }
                throw e.getCause() instanceof IpcException ? (IpcException) e.getCause()
                        : IpcException.of(ErrorCode.CONNECT_FAILED, endpoint.toString(),
                                "handshake with " + endpoint + " failed: " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                result.close();
                throw IpcException.of(ErrorCode.CONNECT_FAILED, endpoint.toString(),
                        "no HELLO from " + endpoint + " within " + handshakeTimeout.toMillis() + " ms", null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.close();
                throw IpcException.of(ErrorCode.CONNECT_FAILED, endpoint.toString(),
                        "interrupted while connecting to " + endpoint, e);
            } catch (RuntimeException e) {
                result.close();
                throw e;
            }
        }

        /**
         * Checks the options that contradict each other or {@code endpoint}, as {@link #connect} does
         * before connecting; a {@link ReconnectingClient} checks them once, at start, rather than
         * retrying a connection that can never be made.
         *
         * @return the idle timeout in nanoseconds, 0 for none
         * @throws IllegalArgumentException as {@link #connect} does
         */
        long validate(Endpoint endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            long idleTimeoutNanos = options.idleTimeoutNanos();
            if (options.tls() != null && endpoint.isUnix()) {
                throw new IllegalArgumentException("TLS is for TCP endpoints, and " + endpoint + " is a Unix socket");
            }
            return idleTimeoutNanos;
        }

        private static IpcException connectFailed(Endpoint endpoint, Throwable cause) {
            String message = String.valueOf(cause.getMessage());
            String lower = message.toLowerCase(Locale.ROOT);
            String what;
            if (cause instanceof ConnectException && lower.contains("refused") || lower.contains("connection refused")) {
                what = "no server at " + endpoint + ": connection refused";
            } else if (lower.contains("no such file")) {
                what = "no server at " + endpoint + ": no such socket file";
            } else {
                what = "cannot connect to " + endpoint + ": " + message;
            }
            return IpcException.of(ErrorCode.CONNECT_FAILED, endpoint.toString(), what, cause);
        }
    }
}
