package dev.ipcgen.runtime.transport;

import dev.ipcgen.runtime.Endpoint;
import dev.ipcgen.runtime.Transport;
import dev.ipcgen.runtime.security.AbstractSocketNames;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.kqueue.KQueue;
import io.netty.channel.kqueue.KQueueDomainSocketChannel;
import io.netty.channel.kqueue.KQueueIoHandler;
import io.netty.channel.kqueue.KQueueServerDomainSocketChannel;
import io.netty.channel.kqueue.KQueueServerSocketChannel;
import io.netty.channel.kqueue.KQueueSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.channels.spi.SelectorProvider;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One family of Netty channels and event loops (epoll, kqueue or NIO) for both Unix domain sockets
 * and TCP: which classes to instantiate, how to address an {@link Endpoint}.
 */
public final class TransportFamily {

    private static final boolean MAC = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");

    /**
     * The longest Unix socket path in bytes: {@code sun_path} is 108 bytes on Linux and 104 on
     * macOS and the BSDs, including the terminating NUL.
     */
    public static final int MAX_SOCKET_PATH_BYTES = MAC || System.getProperty("os.name", "").contains("BSD") ? 103 : 107;

    private final Transport transport;
    private final Supplier<IoHandlerFactory> ioHandler;
    private final Supplier<ServerChannel> unixServer;
    private final Supplier<Channel> unixClient;
    private final Supplier<ServerChannel> tcpServer;
    private final Supplier<Channel> tcpClient;

    private TransportFamily(Transport transport, Supplier<IoHandlerFactory> ioHandler,
            Supplier<ServerChannel> unixServer, Supplier<Channel> unixClient,
            Supplier<ServerChannel> tcpServer, Supplier<Channel> tcpClient) {
        this.transport = transport;
        this.ioHandler = ioHandler;
        this.unixServer = unixServer;
        this.unixClient = unixClient;
        this.tcpServer = tcpServer;
        this.tcpClient = tcpClient;
    }

    /**
     * The system property that overrides {@link Transport#AUTO} without a code change: {@code auto},
     * {@code epoll}, {@code kqueue} or {@code nio} (any case), e.g. {@code -Dipcgen.transport=nio}
     * where a native transport misbehaves. A transport chosen in a builder wins over it.
     */
    public static final String TRANSPORT_PROPERTY = "ipcgen.transport";

    /**
     * The family for {@code requested}: {@code AUTO} takes the {@value #TRANSPORT_PROPERTY} system
     * property when set, else picks epoll on Linux when available, kqueue on macOS when available,
     * else NIO.
     *
     * @throws IllegalStateException if epoll or kqueue is requested but its native library is not available
     * @throws IllegalArgumentException if the system property names no transport
     */
    public static TransportFamily of(Transport requested) {
        if (requested == Transport.AUTO) {
            requested = fromProperty();
        }
        switch (requested) {
            case EPOLL:
                if (!Epoll.isAvailable()) {
                    throw new IllegalStateException("the epoll transport is not available: " + Epoll.unavailabilityCause());
                }
                return epoll();
            case KQUEUE:
                if (!KQueue.isAvailable()) {
                    throw new IllegalStateException("the kqueue transport is not available: " + KQueue.unavailabilityCause());
                }
                return kqueue();
            case NIO:
                return nio();
            case AUTO:
            default:
                if (Epoll.isAvailable()) {
                    return epoll();
                }
                if (KQueue.isAvailable()) {
                    return kqueue();
                }
                return nio();
        }
    }

    private static Transport fromProperty() {
        String value = System.getProperty(TRANSPORT_PROPERTY);
        if (value == null || value.isBlank()) {
            return Transport.AUTO;
        }
        try {
            return Transport.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + TRANSPORT_PROPERTY + "=" + value
                    + " names no transport (expected: auto, epoll, kqueue or nio)");
        }
    }

    private static TransportFamily epoll() {
        return new TransportFamily(Transport.EPOLL, () -> EpollIoHandler.newFactory(0, SpinningSelectStrategy.factory()),
                EpollServerDomainSocketChannel::new, EpollDomainSocketChannel::new,
                EpollServerSocketChannel::new, EpollSocketChannel::new);
    }

    private static TransportFamily kqueue() {
        return new TransportFamily(Transport.KQUEUE, () -> KQueueIoHandler.newFactory(0, SpinningSelectStrategy.factory()),
                KQueueServerDomainSocketChannel::new, KQueueDomainSocketChannel::new,
                KQueueServerSocketChannel::new, KQueueSocketChannel::new);
    }

    private static TransportFamily nio() {
        return new TransportFamily(Transport.NIO,
                () -> NioIoHandler.newFactory(SelectorProvider.provider(), SpinningSelectStrategy.factory()),
                NioServerDomainSocketChannel::new, NioDomainSocketChannel::new,
                NioServerSocketChannel::new, NioSocketChannel::new);
    }

    /** The resolved transport: never {@code AUTO}. */
    public Transport transport() {
        return transport;
    }

    /** A new event loop group of daemon threads named {@code name-N}. */
    public EventLoopGroup newGroup(int threads, String name) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), ioHandler.get());
    }

    /** A new unconnected server channel for {@code endpoint}. */
    public ServerChannel newServerChannel(Endpoint endpoint) {
        return endpoint.isUnix() ? unixServer.get() : tcpServer.get();
    }

    /** A new unconnected client channel for {@code endpoint}. */
    public Channel newChannel(Endpoint endpoint) {
        return endpoint.isUnix() ? unixClient.get() : tcpClient.get();
    }

    /**
     * The socket address of {@code endpoint} as this family's channels take it.
     *
     * @throws IllegalArgumentException for an abstract socket name on another transport than epoll,
     *     or one that is too long
     */
    public SocketAddress address(Endpoint endpoint) {
        if (!endpoint.isUnix()) {
            return new InetSocketAddress(endpoint.host(), endpoint.port());
        }
        if (endpoint.isAbstract()) {
            AbstractSocketNames.requireSupported(endpoint.abstractAddress(), transport == Transport.EPOLL
                    ? EpollDomainSocketChannel.class : transport == Transport.KQUEUE
                    ? KQueueDomainSocketChannel.class : NioDomainSocketChannel.class);
            return AbstractSocketNames.toEpollAddress(endpoint.abstractAddress());
        }
        Path path = endpoint.path();
        return transport == Transport.NIO ? UnixDomainSocketAddress.of(path) : new DomainSocketAddress(path.toString());
    }

    /**
     * Checks a Unix socket path against the OS limit, before any bind or connect.
     *
     * @throws IllegalArgumentException naming the path, its length and the limit
     */
    public static void checkSocketPath(Path path) {
        int bytes = path.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_SOCKET_PATH_BYTES) {
            throw new IllegalArgumentException("Unix socket path " + path + " is " + bytes
                    + " bytes long, past the OS limit of " + MAX_SOCKET_PATH_BYTES + " bytes; use a shorter path");
        }
    }
}
