package dev.ipcgen.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TlsSettings' engines in Netty's SslHandler over real TCP, with TlsMismatchGuard in front, as the
 * runtime will wire them. Needs io.netty:netty-handler on the test class path.
 */
class NettySslHandlerTest {

    private static TestCertificates certs;
    private EventLoopGroup group;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = TestCertificates.get();
    }

    @BeforeEach
    void startLoop() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterEach
    void stopLoop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** One end: its channel, its first exception, its close, and (if TLS) its handshake's end. */
    static final class End extends ChannelInboundHandlerAdapter {
        final CompletableFuture<Channel> channel = new CompletableFuture<>();
        final CompletableFuture<Throwable> failure = new CompletableFuture<>();
        final CompletableFuture<Void> closed = new CompletableFuture<>();
        final CompletableFuture<SslHandler> handshake = new CompletableFuture<>();
        final boolean sendsHello;

        End(boolean sendsHello) {
            this.sendsHello = sendsHello;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            channel.complete(ctx.channel());
            SslHandler ssl = ctx.pipeline().get(SslHandler.class);
            if (ssl != null) {
                ssl.handshakeFuture().addListener(f -> {
                    if (f.isSuccess()) {
                        handshake.complete(ssl);
                    } else {
                        handshake.completeExceptionally(f.cause());
                    }
                });
            }
            if (sendsHello) {
                // As the runtime does: HELLO at once, without waiting for the peer's.
                ctx.writeAndFlush(Unpooled.wrappedBuffer(FirstBytes.hello()));
            }
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ((ByteBuf) msg).release();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failure.complete(cause);
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closed.complete(null);
        }
    }

    private record Pair(End server, End client, Channel listener) {
    }

    private Pair connect(Function<Channel, ChannelHandler[]> server, Function<Integer, ChannelHandler[]> client,
            boolean plaintextServer) throws Exception {
        End serverEnd = new End(plaintextServer);
        End clientEnd = new End(false);
        Channel listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(server.apply(ch)).addLast(serverEnd);
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        int port = ((InetSocketAddress) listener.localAddress()).getPort();
        new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(client.apply(port)).addLast(clientEnd);
                    }
                })
                .connect(listener.localAddress()).sync();
        return new Pair(serverEnd, clientEnd, listener);
    }

    private static ChannelHandler[] tlsServer(TlsSettings settings) {
        return new ChannelHandler[] {TlsMismatchGuard.expectingTls(), new SslHandler(settings.newServerEngine())};
    }

    private static ChannelHandler[] tlsClient(TlsSettings settings, int port) {
        return new ChannelHandler[] {TlsMismatchGuard.expectingTls(),
                new SslHandler(settings.newClientEngine("localhost", port))};
    }

    private static TlsSettings server(ClientAuth clientAuth) {
        TlsSettings.Builder builder = TlsSettings.builder()
                .identity(certs.chainPem("server"), certs.keyPem("server")).clientAuth(clientAuth);
        return (clientAuth == ClientAuth.NONE ? builder : builder.trust(certs.caPem())).build();
    }

    private static TlsSettings client(String identity) {
        TlsSettings.Builder builder = TlsSettings.builder().trust(certs.caPem());
        return (identity == null ? builder
                : builder.identity(certs.chainPem(identity), certs.keyPem(identity))).build();
    }

    @Test
    void serverOnly_clientSeesServerSubject() throws Exception {
        TlsSettings server = server(ClientAuth.NONE);
        TlsSettings client = client(null);
        Pair pair = connect(ch -> tlsServer(server), port -> tlsClient(client, port), false);
        try {
            SslHandler clientSsl = pair.client().handshake.get(5, TimeUnit.SECONDS);
            assertThat(TlsPeer.subject(clientSsl.engine().getSession())).contains(TestCertificates.SERVER_SUBJECT);
            SslHandler serverSsl = pair.server().handshake.get(5, TimeUnit.SECONDS);
            assertThat(TlsPeer.subject(serverSsl.engine().getSession())).isEmpty();
        } finally {
            pair.listener().close().sync();
        }
    }

    @Test
    void mutual_serverSeesClientSubject() throws Exception {
        TlsSettings server = server(ClientAuth.REQUIRE);
        TlsSettings client = client("client");
        Pair pair = connect(ch -> tlsServer(server), port -> tlsClient(client, port), false);
        try {
            SslHandler serverSsl = pair.server().handshake.get(5, TimeUnit.SECONDS);
            assertThat(TlsPeer.subject(serverSsl.engine().getSession())).contains(TestCertificates.CLIENT_SUBJECT);
        } finally {
            pair.listener().close().sync();
        }
    }

    @Test
    void mutual_throughNettyJdkSslContext_serverSeesClientSubject() throws Exception {
        TlsSettings server = server(ClientAuth.REQUIRE);
        SslContext serverContext = new JdkSslContext(server.sslContext(), false, null,
                IdentityCipherSuiteFilter.INSTANCE, ApplicationProtocolConfig.DISABLED,
                io.netty.handler.ssl.ClientAuth.REQUIRE, server.protocols().toArray(String[]::new), false);
        TlsSettings client = client("client");
        SslContext clientContext = new JdkSslContext(client.sslContext(), true, null,
                IdentityCipherSuiteFilter.INSTANCE, ApplicationProtocolConfig.DISABLED,
                io.netty.handler.ssl.ClientAuth.NONE, client.protocols().toArray(String[]::new), false);
        Pair pair = connect(ch -> new ChannelHandler[] {serverContext.newHandler(ch.alloc())},
                port -> new ChannelHandler[] {clientContext.newHandler(io.netty.buffer.ByteBufAllocator.DEFAULT,
                        "localhost", port)}, false);
        try {
            SslHandler serverSsl = pair.server().handshake.get(5, TimeUnit.SECONDS);
            assertThat(TlsPeer.subject(serverSsl.engine().getSession())).contains(TestCertificates.CLIENT_SUBJECT);
        } finally {
            pair.listener().close().sync();
        }
    }

    @Test
    void mutual_untrustedClient_failsOnBothSides() throws Exception {
        TlsSettings server = server(ClientAuth.REQUIRE);
        TlsSettings rogue = client("rogue");
        Pair pair = connect(ch -> tlsServer(server), port -> tlsClient(rogue, port), false);
        try {
            assertThat(pair.server().failure.get(5, TimeUnit.SECONDS))
                    .hasMessageContaining("PKIX path validation failed")
                    .hasMessageContaining("signature check failed");
            assertThat(pair.client().failure.get(5, TimeUnit.SECONDS))
                    .hasMessageContaining("Received fatal alert: certificate_unknown");
            pair.client().closed.get(5, TimeUnit.SECONDS);
        } finally {
            pair.listener().close().sync();
        }
    }

    @Test
    void plaintextClientOnTlsPort_failsFast() throws Exception {
        TlsSettings server = server(ClientAuth.NONE);
        long start = System.nanoTime();
        End plaintextClient = new End(true);
        Channel listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(tlsServer(server));
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        try {
            new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(TlsMismatchGuard.expectingPlaintext(), plaintextClient);
                        }
                    })
                    .connect(listener.localAddress()).sync();
            plaintextClient.closed.get(3, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        } finally {
            listener.close().sync();
        }
    }

    @Test
    void tlsClientOnPlaintextPort_bothFailFastAndSayWhy() throws Exception {
        TlsSettings client = client(null);
        long start = System.nanoTime();
        Pair pair = connect(ch -> new ChannelHandler[] {TlsMismatchGuard.expectingPlaintext()},
                port -> tlsClient(client, port), true);
        try {
            assertThat(pair.client().failure.get(3, TimeUnit.SECONDS))
                    .isInstanceOf(TlsMismatchException.class)
                    .hasMessageContaining("speaks plaintext ipcgen, but this end requires TLS");
            assertThat(pair.server().failure.get(3, TimeUnit.SECONDS))
                    .isInstanceOf(TlsMismatchException.class)
                    .hasMessageContaining("started a TLS handshake, but this end speaks plaintext");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        } finally {
            pair.listener().close().sync();
        }
    }

    @Test
    void plaintextClientOnTlsPort_serverSaysWhy() throws Exception {
        TlsSettings server = server(ClientAuth.NONE);
        End plaintextClient = new End(true);
        End serverEnd = new End(false);
        Channel listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(tlsServer(server)).addLast(serverEnd);
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        try {
            new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(plaintextClient);
                        }
                    })
                    .connect(listener.localAddress()).sync();
            assertThat(serverEnd.failure.get(3, TimeUnit.SECONDS))
                    .isInstanceOf(TlsMismatchException.class)
                    .hasMessageContaining("speaks plaintext ipcgen, but this end requires TLS");
        } finally {
            listener.close().sync();
        }
    }

    @Test
    void serverLearnsOfTheHandshakeBeforeTheClientsFirstBytes() throws Exception {
        TlsSettings server = server(ClientAuth.REQUIRE);
        TlsSettings client = client("client");
        java.util.List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.function.Supplier<ChannelHandler> order = () -> new ChannelInboundHandlerAdapter() {
            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                if (evt instanceof io.netty.handler.ssl.SslHandshakeCompletionEvent) {
                    events.add("handshake");
                }
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                events.add("read");
                ((ByteBuf) msg).release();
            }
        };
        Channel listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        SslHandler ssl = new SslHandler(server.newServerEngine());
                        ssl.handshakeFuture().addListener(f -> events.add("future"));
                        ch.pipeline().addLast(ssl, order.get());
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        int port = ((InetSocketAddress) listener.localAddress()).getPort();
        try {
            for (int i = 0; i < 5; i++) {
                events.clear();
                Channel c = new Bootstrap().group(group).channel(NioSocketChannel.class)
                        .handler(new ChannelInitializer<>() {
                            @Override
                            protected void initChannel(Channel ch) {
                                SslHandler ssl = new SslHandler(client.newClientEngine("localhost", port));
                                ssl.handshakeFuture().addListener(f -> ch.writeAndFlush(Unpooled.wrappedBuffer(FirstBytes.hello())));
                                ch.pipeline().addLast(ssl);
                            }
                        })
                        .connect(listener.localAddress()).sync().channel();
                long deadline = System.nanoTime() + 3_000_000_000L;
                while (!events.contains("read") && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertThat(events).startsWith("future", "handshake", "read");
                c.close().sync();
            }
        } finally {
            listener.close().sync();
        }
    }

    @Test
    void gateAfterTls_allowsByClientSubject_andRecordsIt() throws Exception {
        TlsSettings server = server(ClientAuth.REQUIRE);
        CompletableFuture<AuthorizationRequest> peer = new CompletableFuture<>();
        Authorizer rule = Authorizers.tlsSubjectIn(java.util.Set.of(TestCertificates.CLIENT_SUBJECT));
        Pair pair = connect(ch -> {
            SslHandler ssl = new SslHandler(server.newServerEngine());
            return new ChannelHandler[] {TlsMismatchGuard.expectingTls(), ssl,
                AuthorizationGate.afterTlsHandshake(rule, (alloc, reason) -> Unpooled.EMPTY_BUFFER,
                        (request, decision) -> peer.complete(request), ssl.engine(), ssl.handshakeFuture())};
        }, port -> tlsClient(client("client"), port), false);
        try {
            assertThat(peer.get(5, TimeUnit.SECONDS).tlsSubject()).contains(TestCertificates.CLIENT_SUBJECT);
            Channel accepted = pair.server().channel.get(5, TimeUnit.SECONDS);
            assertThat(accepted.attr(AuthorizationGate.PEER).get().tlsSubject()).contains(TestCertificates.CLIENT_SUBJECT);
        } finally {
            pair.listener().close().sync();
        }
    }

    @Test
    void gateAfterTls_refusesOtherSubjects_clientReadsTheRefusal() throws Exception {
        TlsSettings server = server(ClientAuth.REQUIRE);
        Authorizer rule = Authorizers.tlsSubjectIn(java.util.Set.of("CN=someone else"));
        CompletableFuture<String> refusal = new CompletableFuture<>();
        Pair pair = connect(ch -> {
            SslHandler ssl = new SslHandler(server.newServerEngine());
            return new ChannelHandler[] {TlsMismatchGuard.expectingTls(), ssl,
                AuthorizationGate.afterTlsHandshake(rule,
                        (alloc, reason) -> io.netty.buffer.ByteBufUtil.writeUtf8(alloc, "REFUSED " + reason),
                        (request, decision) -> { }, ssl.engine(), ssl.handshakeFuture())};
        }, port -> {
            ChannelHandler[] tls = tlsClient(client("client"), port);
            return new ChannelHandler[] {tls[0], tls[1], new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    refusal.complete(((ByteBuf) msg).toString(java.nio.charset.StandardCharsets.UTF_8));
                    ((ByteBuf) msg).release();
                }
            }};
        }, false);
        try {
            assertThat(refusal.get(5, TimeUnit.SECONDS))
                    .isEqualTo("REFUSED TLS subject CN=client,O=ipcgen test is not allowed");
        } finally {
            pair.listener().close().sync();
        }
    }
}
