package dev.ipcgen.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
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
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A listening Netty server and one connected client on a real socket, for tests: the server's
 * accepted channel and the client's channel, each with the test's own pipeline.
 */
final class TestChannels implements AutoCloseable {

    /** A channel family and socket kind to test on. */
    enum Kind {
        EPOLL_UNIX(EpollIoHandler::newFactory, EpollServerDomainSocketChannel.class, EpollDomainSocketChannel.class),
        NIO_UNIX(NioIoHandler::newFactory, NioServerDomainSocketChannel.class, NioDomainSocketChannel.class),
        EPOLL_TCP(EpollIoHandler::newFactory, EpollServerSocketChannel.class, EpollSocketChannel.class),
        NIO_TCP(NioIoHandler::newFactory, NioServerSocketChannel.class, NioSocketChannel.class);

        final Supplier<IoHandlerFactory> io;
        final Class<? extends ServerChannel> serverType;
        final Class<? extends Channel> clientType;

        Kind(Supplier<IoHandlerFactory> io, Class<? extends ServerChannel> serverType,
                Class<? extends Channel> clientType) {
            this.io = io;
            this.serverType = serverType;
            this.clientType = clientType;
        }

        boolean isEpoll() {
            return this == EPOLL_UNIX || this == EPOLL_TCP;
        }
    }

    final EventLoopGroup group;
    final Channel server;
    final Channel accepted;
    final Channel client;

    private TestChannels(EventLoopGroup group, Channel server, Channel accepted, Channel client) {
        this.group = group;
        this.server = server;
        this.accepted = accepted;
        this.client = client;
    }

    /** The address of a socket file at {@code path} for {@code kind}'s Unix channels. */
    static SocketAddress unixAddress(Kind kind, Path path) {
        return kind.isEpoll() ? new DomainSocketAddress(path.toString()) : UnixDomainSocketAddress.of(path);
    }

    /** A connection over TCP on 127.0.0.1 with empty pipelines. */
    static TestChannels open(Kind kind) throws Exception {
        return open(kind, new InetSocketAddress("127.0.0.1", 0), p -> { }, p -> { });
    }

    /**
     * A server of {@code kind} bound at {@code bindAddress} ({@code 127.0.0.1:0} for TCP) and a
     * client connected to it; {@code serverPipeline} and {@code clientPipeline} set up each side.
     * On Linux an epoll kind must get epoll: a missing native transport fails the test.
     */
    static TestChannels open(Kind kind, SocketAddress bindAddress, Consumer<ChannelPipeline> serverPipeline,
            Consumer<ChannelPipeline> clientPipeline) throws Exception {
        if (kind.isEpoll()) {
            assertThat(Epoll.isAvailable()).as("epoll native transport (%s)", Epoll.unavailabilityCause()).isTrue();
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, kind.io.get());
        CompletableFuture<Channel> accepted = new CompletableFuture<>();
        try {
            Channel server = new ServerBootstrap().group(group).channel(kind.serverType)
                    .childHandler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            serverPipeline.accept(ch.pipeline());
                            accepted.complete(ch);
                        }
                    })
                    .bind(bindAddress).sync().channel();
            Channel client = new Bootstrap().group(group).channel(kind.clientType)
                    .handler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            clientPipeline.accept(ch.pipeline());
                        }
                    })
                    .connect(server.localAddress()).sync().channel();
            return new TestChannels(group, server, accepted.get(2, TimeUnit.SECONDS), client);
        } catch (Exception | Error e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            throw e;
        }
    }

    @Override
    public void close() {
        client.close().syncUninterruptibly();
        accepted.close().syncUninterruptibly();
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
