package dev.ipcgen.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TlsMismatchGuardTest {

    private EventLoopGroup group;

    @BeforeEach
    void startLoop() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterEach
    void stopLoop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** The end of a test pipeline: keeps what reaches it (bytes, the first exception, the close). */
    static final class Recorder extends ChannelInboundHandlerAdapter {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final CompletableFuture<Throwable> failure = new CompletableFuture<>();
        final CompletableFuture<Void> closed = new CompletableFuture<>();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            try {
                bytes.writeBytes(ByteBufUtil.getBytes(buf));
            } finally {
                buf.release();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failure.complete(cause);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closed.complete(null);
        }
    }

    /** A TCP server on 127.0.0.1 whose one connection runs {@code guard} then {@code recorder}. */
    private Channel listen(TlsMismatchGuard guard, Recorder recorder) throws InterruptedException {
        return new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast("guard", guard).addLast("recorder", recorder);
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    private static int port(Channel server) {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Test
    void plaintextServer_tlsClient_bothFailAtOnce() throws Exception {
        Recorder recorder = new Recorder();
        Channel server = listen(TlsMismatchGuard.expectingPlaintext(), recorder);
        try {
            TlsSettings client = TlsSettings.builder().trust(TestCertificates.get().caPem()).build();
            long start = System.nanoTime();
            try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), port(server))) {
                plain.setSoTimeout(5000);
                SSLSocket tls = (SSLSocket) client.sslContext().getSocketFactory()
                        .createSocket(plain, "localhost", port(server), true);
                tls.setSSLParameters(client.newClientEngine("localhost", port(server)).getSSLParameters());
                assertThatThrownBy(tls::startHandshake)
                        .isInstanceOf(SSLException.class)
                        .hasMessageContaining("Remote host terminated the handshake");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(recorder.failure.get(2, TimeUnit.SECONDS))
                    .isInstanceOf(TlsMismatchException.class)
                    .hasMessageMatching("the peer tcp:127\\.0\\.0\\.1:\\d+ started a TLS handshake, but this end speaks "
                            + "plaintext: configure TLS on both ends, or on neither");
            recorder.closed.get(2, TimeUnit.SECONDS);
            assertThat(recorder.bytes.size()).as("bytes passed on").isZero();
        } finally {
            server.close().sync();
        }
    }

    @Test
    void tlsServer_plaintextClient_bothFailAtOnce() throws Exception {
        Recorder recorder = new Recorder();
        Channel server = listen(TlsMismatchGuard.expectingTls(), recorder);
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port(server))) {
            client.setSoTimeout(5000);
            long start = System.nanoTime();
            client.getOutputStream().write(FirstBytes.hello());
            assertThat(client.getInputStream().read()).as("end of stream").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(recorder.failure.get(2, TimeUnit.SECONDS))
                    .isInstanceOf(TlsMismatchException.class)
                    .hasMessageMatching("the peer tcp:127\\.0\\.0\\.1:\\d+ speaks plaintext ipcgen, but this end requires "
                            + "TLS: configure TLS on the peer too");
        } finally {
            server.close().sync();
        }
    }

    @Test
    void tlsServer_clientHello_passesThroughUntouched() throws Exception {
        Recorder recorder = new Recorder();
        Channel server = listen(TlsMismatchGuard.expectingTls(), recorder);
        TlsSettings settings = TlsSettings.builder().verifyHostname(false).build();
        byte[] clientHello = FirstBytes.clientHello(settings.newClientEngine("localhost", 1));
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port(server))) {
            client.getOutputStream().write(clientHello);
            client.shutdownOutput();
            recorder.closed.get(2, TimeUnit.SECONDS);
        } finally {
            server.close().sync();
        }
        assertThat(recorder.bytes.toByteArray()).isEqualTo(clientHello);
        assertThat(recorder.failure).isNotDone();
    }

    @Test
    void plaintextGuard_helloInSingleBytes_passesThroughAndLeaves() {
        Recorder recorder = new Recorder();
        EmbeddedChannel channel = new EmbeddedChannel(TlsMismatchGuard.expectingPlaintext(), recorder);
        byte[] hello = FirstBytes.hello();
        for (byte b : hello) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        assertThat(recorder.bytes.toByteArray()).isEqualTo(hello);
        assertThat(channel.pipeline().get(TlsMismatchGuard.class)).as("guard after deciding").isNull();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void tlsGuard_otherProtocol_isLeftToTheTlsHandler() {
        Recorder recorder = new Recorder();
        EmbeddedChannel channel = new EmbeddedChannel(TlsMismatchGuard.expectingTls(), recorder);
        byte[] http = "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        channel.writeInbound(Unpooled.wrappedBuffer(http));
        assertThat(recorder.bytes.toByteArray()).isEqualTo(http);
        assertThat(recorder.failure).isNotDone();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void plaintextGuard_peerClosesEarly_passesTheFewBytesOn() throws Exception {
        Recorder recorder = new Recorder();
        Channel server = listen(TlsMismatchGuard.expectingPlaintext(), recorder);
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port(server))) {
            client.getOutputStream().write(new byte[] {1, 2, 3});
            client.shutdownOutput();
            InputStream in = client.getInputStream();
            client.setSoTimeout(5000);
            recorder.closed.get(2, TimeUnit.SECONDS);
            assertThat(in.read()).isEqualTo(-1);
        } finally {
            server.close().sync();
        }
        assertThat(recorder.bytes.toByteArray()).containsExactly(1, 2, 3);
    }
}
