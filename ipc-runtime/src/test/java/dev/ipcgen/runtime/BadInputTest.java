package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.runtime.testing.TestFrames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input from raw TCP sockets against a real server, while a well-behaved client keeps calling
 * on its own connection: a silent peer is closed after the handshake timeout, a frame of garbage
 * of the right size is a PROTOCOL_ERROR, garbage whose first bytes read as an oversized length is
 * FRAME_TOO_LARGE. (wire-format.md sections 1 and 5.)
 */
class BadInputTest {

    private static final long HANDSHAKE_MILLIS = 400;

    private final Queue<String> logged = new ConcurrentLinkedQueue<>();
    private IpcServer server;
    private IpcConnection good;

    @BeforeEach
    void start() {
        server = IpcServer.builder().listen(Endpoint.tcp("127.0.0.1", 0)).serve(TestProtocols.calc(logged))
                .handshakeTimeout(Duration.ofMillis(HANDSHAKE_MILLIS)).maxFrameLength(65536).ioThreads(1).start();
        good = IpcClient.connect(server.endpoint());
    }

    @AfterEach
    void stop() {
        good.close();
        server.close();
    }

    private void goodClientStillWorks() throws Exception {
        assertThat(good.call(TestProtocols.ADD, new TestProtocols.Add(20, 22), CallOptions.DEFAULT)
                .get(5, TimeUnit.SECONDS)).isEqualTo(42);
        assertThat(good.isOpen()).isTrue();
    }

    private SocketChannel raw() throws IOException {
        SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", server.endpoint().port()));
        ch.socket().setSoTimeout(10_000);
        return ch;
    }

    private static void send(SocketChannel ch, ByteBuf frame) throws IOException {
        try {
            ch.write(frame.nioBuffer());
        } finally {
            frame.release();
        }
    }

    /** Reads one frame: its kind, call id, and (for ERROR) code. */
    private static long[] readFrame(SocketChannel ch) throws IOException {
        ByteBuffer length = readFully(ch, 4);
        ByteBuffer rest = readFully(ch, length.getInt());
        int kind = rest.get(0);
        long callId = rest.getLong(8);
        long code = kind == TestFrames.ERROR ? Integer.toUnsignedLong(rest.getInt(16)) : -1;
        return new long[] {kind, callId, code};
    }

    private static ByteBuffer readFully(SocketChannel ch, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new IOException("closed after " + b.position() + " of " + n + " bytes");
            }
        }
        return b.flip();
    }

    private static boolean closedByServer(SocketChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64);
        try {
            return ch.read(b) < 0;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    void silentPeer_isClosedAfterTheHandshakeTimeout() throws Exception {
        try (SocketChannel ch = raw()) {
            long started = System.nanoTime();
            assertThat(readFrame(ch)).containsExactly(TestFrames.HELLO, 0, -1);
            assertThat(readFrame(ch)).containsExactly(TestFrames.ERROR, 0, ErrorCode.PROTOCOL_ERROR.value());
            assertThat(closedByServer(ch)).isTrue();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(millis).isBetween(HANDSHAKE_MILLIS - 50, HANDSHAKE_MILLIS + 2000);
        }
        goodClientStillWorks();
        assertThat(server.stats().protocolErrors()).isEqualTo(1);
    }

    @Test
    void helloThenACorrectlySizedFrameOfGarbage_isProtocolError() throws Exception {
        byte[] garbage = new byte[40];
        new Random(7).nextBytes(garbage);
        garbage[0] = (byte) 0xEE;
        try (SocketChannel ch = raw()) {
            assertThat(readFrame(ch)[0]).isEqualTo(TestFrames.HELLO);
            send(ch, TestFrames.hello());
            send(ch, TestFrames.rawLength(garbage.length, garbage));
            assertThat(readFrame(ch)).containsExactly(TestFrames.ERROR, 0, ErrorCode.PROTOCOL_ERROR.value());
            assertThat(closedByServer(ch)).isTrue();
        }
        goodClientStillWorks();
        assertThat(server.stats().protocolErrors()).isEqualTo(1);
    }

    @Test
    void helloThenGarbageReadingAsAnOversizedLength_isFrameTooLarge() throws Exception {
        byte[] garbage = new byte[32];
        new Random(11).nextBytes(garbage);
        garbage[3] = 0x7F;
        try (SocketChannel ch = raw()) {
            assertThat(readFrame(ch)[0]).isEqualTo(TestFrames.HELLO);
            send(ch, TestFrames.hello());
            send(ch, Unpooled.wrappedBuffer(garbage));
            assertThat(readFrame(ch)).containsExactly(TestFrames.ERROR, 0, ErrorCode.FRAME_TOO_LARGE.value());
            assertThat(closedByServer(ch)).isTrue();
        }
        goodClientStillWorks();
        assertThat(server.stats().protocolErrors()).isEqualTo(1);
    }
}
