package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ipcgen.runtime.testing.SocketDirs;
import dev.ipcgen.runtime.testing.TestFrames;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PING/PONG keepalive and the idle timeout, with millisecond settings: PINGs keep a quiet live
 * connection open on both ends; a peer that completes the handshake and then goes silent is closed
 * after the idle timeout, failing its pending call with an error that names the peer and the timeout.
 */
@Timeout(20)
class KeepaliveTest {

    private static final Duration KEEPALIVE = Duration.ofMillis(50);
    private static final Duration IDLE = Duration.ofMillis(250);

    private final Path dir = SocketDirs.create();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        SocketDirs.delete(dir);
    }

    private <T extends AutoCloseable> T closeLater(T c) {
        toClose.add(c);
        return c;
    }

    private IpcServer server(IpcServer.Builder b) {
        return closeLater(b.listen(Endpoint.unix(dir.resolve("s.sock")))
                .serve(TestProtocols.calc(new ConcurrentLinkedQueue<>()))
                .shutdownGracePeriod(Duration.ZERO).start());
    }

    private static void write(SocketChannel ch, ByteBuf frame) throws IOException {
        try {
            ByteBuffer b = frame.nioBuffer();
            while (b.hasRemaining()) {
                ch.write(b);
            }
        } finally {
            frame.release();
        }
    }

    /** Everything {@code ch} receives until the other end closes it (or 3 s pass). */
    private static byte[] readUntilClosed(SocketChannel ch) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        int n;
        while (System.nanoTime() < deadline && (n = ch.read(buf.clear())) >= 0) {
            all.write(buf.array(), 0, n);
        }
        return all.toByteArray();
    }

    /** The kinds of the frames in {@code bytes}, with the PINGs' body lengths checked. */
    private static List<Integer> kinds(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> kinds = new ArrayList<>();
        while (b.remaining() >= 4) {
            int length = b.getInt();
            int kind = b.get(b.position()) & 0xFF;
            if (kind == TestFrames.PING) {
                assertThat(length).as("a PING is a header and 8 bytes").isEqualTo(16 + 8);
            }
            kinds.add(kind);
            b.position(b.position() + length);
        }
        return kinds;
    }

    @Test
    void quietLiveConnection_staysOpen_becausePingsAreAnswered() throws Exception {
        // The server pings and times out; the client only times out: each end hears from the other
        // only through the server's PINGs and the client's PONGs.
        IpcServer server = server(IpcServer.builder().keepalive(KEEPALIVE).idleTimeout(IDLE));
        IpcConnection client = closeLater(IpcClient.builder().idleTimeout(IDLE).connect(server.endpoint()));
        Thread.sleep(1000);
        assertThat(client.isOpen()).isTrue();
        assertThat(server.connectionCount()).isEqualTo(1);
        assertThat(client.call(TestProtocols.ECHO, "alive", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS)).isEqualTo("alive");
    }

    @Test
    void quietConnection_withoutKeepalive_isClosedByTheIdleTimeout() throws Exception {
        IpcServer server = server(IpcServer.builder());
        IpcConnection client = closeLater(IpcClient.builder().idleTimeout(IDLE).connect(server.endpoint()));
        long start = System.nanoTime();
        client.closeFuture().get(3, TimeUnit.SECONDS);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(IDLE.toNanos() - TimeUnit.MILLISECONDS.toNanos(20));
        Throwable t = catchThrowable(() -> client.call(TestProtocols.ECHO, "x", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS));
        assertThat(t.getCause()).isInstanceOf(IpcException.class);
        IpcException e = (IpcException) t.getCause();
        assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_CLOSED);
        assertThat(e.detail()).startsWith("connection closed by this end after an idle timeout: nothing from "
                + server.endpoint() + " for ").endsWith(" ms");
    }

    @Test
    void silentServer_isClosedAfterTheIdleTimeout_andThePendingCallFails() throws Exception {
        Path path = dir.resolve("raw.sock");
        ServerSocketChannel listener = closeLater(ServerSocketChannel.open(StandardProtocolFamily.UNIX));
        listener.bind(UnixDomainSocketAddress.of(path));
        CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
            try (SocketChannel ch = listener.accept()) {
                write(ch, TestFrames.hello(0x31435049L, 1, 16 * 1024 * 1024, TestProtocols.CALC.id(), "calc", 1, 0L));
                return readUntilClosed(ch);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        IpcConnection client = closeLater(IpcClient.builder().keepalive(KEEPALIVE).idleTimeout(IDLE)
                .connect(Endpoint.unix(path)));
        long start = System.nanoTime();
        CompletableFuture<String> pending = client.call(TestProtocols.ECHO, "anyone?", CallOptions.DEFAULT);

        Throwable t = catchThrowable(() -> pending.get(3, TimeUnit.SECONDS));
        long took = System.nanoTime() - start;
        assertThat(t).isInstanceOf(ExecutionException.class);
        IpcException e = (IpcException) t.getCause();
        assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_CLOSED);
        assertThat(e.peer()).isEqualTo("unix:" + path);
        assertThat(e.getMessage()).startsWith("calc.echo on unix:" + path + " failed: CONNECTION_CLOSED: "
                + "connection closed by this end after an idle timeout: nothing from unix:" + path + " for ")
                .endsWith(" ms (PING sent every 50 ms)");
        assertThat(took).isBetween(IDLE.toNanos() - TimeUnit.MILLISECONDS.toNanos(20), TimeUnit.SECONDS.toNanos(2));

        List<Integer> kinds = kinds(received.get(3, TimeUnit.SECONDS));
        assertThat(kinds.get(0)).isEqualTo(TestFrames.HELLO);
        assertThat(kinds).contains(TestFrames.REQUEST);
        assertThat(kinds.stream().filter(k -> k == TestFrames.PING).count()).as("PINGs before the timeout")
                .isBetween(2L, 6L);
    }

    @Test
    void silentClient_isClosedByTheServersIdleTimeout() throws Exception {
        IpcServer server = server(IpcServer.builder().keepalive(KEEPALIVE).idleTimeout(IDLE));
        try (SocketChannel raw = SocketChannel.open(UnixDomainSocketAddress.of(server.endpoint().path()))) {
            write(raw, TestFrames.hello());
            long start = System.nanoTime();
            List<Integer> kinds = kinds(readUntilClosed(raw));
            assertThat(System.nanoTime() - start).isBetween(IDLE.toNanos() - TimeUnit.MILLISECONDS.toNanos(20),
                    TimeUnit.SECONDS.toNanos(2));
            assertThat(kinds.get(0)).isEqualTo(TestFrames.HELLO);
            assertThat(kinds).contains(TestFrames.PING);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (server.connectionCount() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(server.connectionCount()).isZero();
    }

    @Test
    void idleTimeout_mustBeLongerThanKeepalive() {
        assertThatThrownBy(() -> IpcClient.builder().keepalive(Duration.ofMillis(100)).idleTimeout(Duration.ofMillis(100))
                .connect(Endpoint.unix(dir.resolve("none.sock"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("idleTimeout 100 ms must be longer than keepalive 100 ms, or a live peer is closed before it "
                        + "can answer a PING");
        assertThatThrownBy(() -> IpcServer.builder().keepalive(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("keepalive PT0S (expected: positive)");
    }
}
