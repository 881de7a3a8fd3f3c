package dev.ipcgen.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.runtime.security.TestChannels.Kind;
import dev.ipcgen.runtime.testing.SocketDirs;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.DefaultPromise;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuthorizationGateTest {

    private static final long OWN_UID = PeerCredentials.ofThisProcess().uid().getAsLong();
    private static final AuthorizationGate.RefusalEncoder REFUSAL =
            (alloc, reason) -> ByteBufUtil.writeUtf8(alloc, "REFUSED " + reason);

    private Path dir;
    private final List<AuthorizationDecision> decisions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createDir() {
        dir = SocketDirs.create();
    }

    @AfterEach
    void deleteDir() {
        SocketDirs.delete(dir);
    }

    /** Stands for the runtime's handlers behind the gate: records the events that reach it, in order. */
    static final class Behind extends ChannelInboundHandlerAdapter {
        final List<String> events = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> read = new CompletableFuture<>();

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            events.add("active");
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            events.add("read " + buf.toString(StandardCharsets.US_ASCII));
            buf.release();
            read.complete(null);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            events.add("inactive");
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            events.add("exception " + cause.getMessage());
        }
    }

    private AuthorizationGate gate(Authorizer authorizer) {
        return AuthorizationGate.forConnection(authorizer, REFUSAL, (request, decision) -> decisions.add(decision));
    }

    /** Everything the client read by the time the server closed the connection. */
    private static String readToEnd(CompletableFuture<String> received) throws Exception {
        return received.get(2, TimeUnit.SECONDS);
    }

    private static ChannelInboundHandlerAdapter collector(CompletableFuture<String> received) {
        StringBuilder text = new StringBuilder();
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ByteBuf buf = (ByteBuf) msg;
                text.append(buf.toString(StandardCharsets.US_ASCII));
                buf.release();
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                received.complete(text.toString());
            }
        };
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"EPOLL_UNIX", "NIO_UNIX"})
    void allowed_passesActiveThenBytes_andRecordsThePeer(Kind kind) throws Exception {
        Behind behind = new Behind();
        try (TestChannels c = TestChannels.open(kind, TestChannels.unixAddress(kind, dir.resolve("s")),
                p -> p.addLast(gate(Authorizers.sameUser()), behind), p -> { })) {
            c.client.writeAndFlush(Unpooled.copiedBuffer("hello", StandardCharsets.US_ASCII)).sync();
            behind.read.get(2, TimeUnit.SECONDS);
            assertThat(behind.events).containsExactly("active", "read hello");
            assertThat(c.accepted.pipeline().get(AuthorizationGate.class)).as("gate after deciding").isNull();
            AuthorizationRequest peer = c.accepted.attr(AuthorizationGate.PEER).get();
            assertThat(peer.credentials().uid()).hasValue(OWN_UID);
            assertThat(decisions).containsExactly(AuthorizationDecision.allow());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"EPOLL_UNIX", "NIO_UNIX"})
    void denied_sendsTheRefusalAndCloses_behindSeesNothing(Kind kind) throws Exception {
        Behind behind = new Behind();
        CompletableFuture<String> received = new CompletableFuture<>();
        try (TestChannels c = TestChannels.open(kind, TestChannels.unixAddress(kind, dir.resolve("s")),
                p -> p.addLast(gate(Authorizers.uidIn(Set.of(OWN_UID + 1))), behind),
                p -> p.addLast(collector(received)))) {
            c.client.writeAndFlush(Unpooled.copiedBuffer("hello", StandardCharsets.US_ASCII));
            assertThat(readToEnd(received)).isEqualTo("REFUSED peer uid " + OWN_UID + " is not allowed");
            c.accepted.closeFuture().await(2, TimeUnit.SECONDS);
            assertThat(behind.events).isEmpty();
            assertThat(decisions).extracting(AuthorizationDecision::allowed).containsExactly(false);
        }
    }

    @Test
    void tcpPeer_uidRule_refusedSayingTheTransportCannotTell() throws Exception {
        CompletableFuture<String> received = new CompletableFuture<>();
        try (TestChannels c = TestChannels.open(Kind.NIO_TCP, new java.net.InetSocketAddress("127.0.0.1", 0),
                p -> p.addLast(gate(Authorizers.sameUser()), new Behind()), p -> p.addLast(collector(received)))) {
            assertThat(readToEnd(received))
                    .startsWith("REFUSED the peer's uid is unknown: its transport (tcp:127.0.0.1:")
                    .endsWith("cannot tell who the peer is; use a Unix socket, or TLS client certificates");
        }
    }

    @Test
    void throwingAuthorizer_refuses() throws Exception {
        CompletableFuture<String> received = new CompletableFuture<>();
        Authorizer broken = request -> {
            throw new IllegalStateException("policy file missing");
        };
        try (TestChannels c = TestChannels.open(Kind.NIO_UNIX, TestChannels.unixAddress(Kind.NIO_UNIX, dir.resolve("s")),
                p -> p.addLast(gate(broken), new Behind()), p -> p.addLast(collector(received)))) {
            assertThat(readToEnd(received))
                    .isEqualTo("REFUSED the authorizer failed: java.lang.IllegalStateException: policy file missing");
        }
    }

    private static SSLEngine engineWithoutPeer() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, null, null);
        return context.createSSLEngine();
    }

    @Test
    void afterTls_holdsBytesUntilTheHandshakeSucceeds() throws Exception {
        Promise<Channel> handshake = new DefaultPromise<>(ImmediateEventExecutor.INSTANCE);
        Behind behind = new Behind();
        EmbeddedChannel channel = new EmbeddedChannel(AuthorizationGate.afterTlsHandshake(Authorizers.allowAll(),
                REFUSAL, (request, decision) -> decisions.add(decision), engineWithoutPeer(), handshake), behind);
        channel.writeInbound(Unpooled.copiedBuffer("early", StandardCharsets.US_ASCII));
        assertThat(behind.events).as("before the handshake").isEmpty();
        handshake.setSuccess(channel);
        channel.runPendingTasks();
        assertThat(behind.events).containsExactly("active", "read early");
        assertThat(channel.attr(AuthorizationGate.PEER).get().tlsSubject()).isEmpty();
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void afterTls_failedHandshake_decidesNothing_andReleasesHeldBytes() throws Exception {
        Promise<Channel> handshake = new DefaultPromise<>(ImmediateEventExecutor.INSTANCE);
        Behind behind = new Behind();
        EmbeddedChannel channel = new EmbeddedChannel(AuthorizationGate.afterTlsHandshake(Authorizers.allowAll(),
                REFUSAL, (request, decision) -> decisions.add(decision), engineWithoutPeer(), handshake), behind);
        ByteBuf early = Unpooled.copiedBuffer("early", StandardCharsets.US_ASCII);
        channel.writeInbound(early);
        handshake.setFailure(new javax.net.ssl.SSLHandshakeException("bad certificate"));
        channel.pipeline().fireExceptionCaught(new javax.net.ssl.SSLHandshakeException("bad certificate"));
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isFalse();
        assertThat(behind.events).isEmpty();
        assertThat(decisions).isEmpty();
        assertThat(early.refCnt()).isZero();
    }

    @Test
    void refusal_isAllocatedFromTheChannel() {
        Behind behind = new Behind();
        List<ByteBufAllocator> allocators = new CopyOnWriteArrayList<>();
        AuthorizationGate gate = AuthorizationGate.forConnection(request -> AuthorizationDecision.deny("no"),
                (alloc, reason) -> {
                    allocators.add(alloc);
                    return REFUSAL.encode(alloc, reason);
                }, (request, decision) -> { });
        EmbeddedChannel channel = new EmbeddedChannel(gate, behind);
        ByteBuf refusal = channel.readOutbound();
        assertThat(refusal.toString(StandardCharsets.US_ASCII)).isEqualTo("REFUSED no");
        refusal.release();
        assertThat(allocators).containsExactly(channel.alloc());
        assertThat(channel.isOpen()).isFalse();
        assertThat(behind.events).isEmpty();
    }
}
