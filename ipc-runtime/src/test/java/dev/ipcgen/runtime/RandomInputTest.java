package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.runtime.testing.TestFrames;
import dev.ipcgen.runtime.wire.FrameDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * Seeded random frames (valid headers with random fields and bodies, and plain noise) thrown at a
 * connection after a valid HELLO: whatever comes in, the connection either answers and stays open,
 * or answers ERROR with call id 0 and closes; it never throws, hangs or leaks (the leak check runs
 * after the class).
 */
class RandomInputTest {

    private static final int[] KINDS = {2, 3, 4, 5, 6, 7, 8, 9, 1, 0, 10, 255};
    private static final int[] METHODS = {0, 1, 2, 3, 4, 7, 8, 300};

    @Test
    void randomFrames_neverBreakTheConnection() {
        long seed = System.nanoTime();
        System.out.println("RandomInputTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 300; round++) {
            runOne(random, seed, round);
        }
    }

    private static void runOne(Random random, long seed, int round) {
        EndpointConfig config = new EndpointConfig("unix:/random.sock",
                ServiceTable.of(List.of(TestProtocols.calc(new ConcurrentLinkedQueue<>()), TestProtocols.other())),
                65_536, Runnable::run, Runnable::run, 10_000, 16, new IpcStats(), false, null);
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(65_536), new Connection(config, "random"));
        try {
            ch.writeInbound(TestFrames.hello());
            for (int i = 0; i < 20 && ch.isOpen(); i++) {
                ch.writeInbound(randomInput(random));
                ch.runPendingTasks();
            }
            ByteBuf out;
            int lastKind = -1;
            long lastCallId = -1;
            while ((out = ch.readOutbound()) != null) {
                try {
                    if (out.readableBytes() >= 20) {
                        lastKind = out.getUnsignedByte(4);
                        lastCallId = out.getLongLE(12);
                        assertThat(lastKind).as("seed %d round %d: kind of an answer", seed, round)
                                .isIn(1, 3, 5, 9);
                    }
                } finally {
                    out.release();
                }
            }
            if (!ch.isOpen()) {
                assertThat(lastKind).as("seed %d round %d: closed only after an ERROR", seed, round).isEqualTo(5);
                assertThat(lastCallId).as("seed %d round %d: with call id 0", seed, round).isZero();
            }
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    private static ByteBuf randomInput(Random random) {
        if (random.nextInt(10) == 0) {
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            return Unpooled.wrappedBuffer(noise);
        }
        int kind = KINDS[random.nextInt(KINDS.length)];
        int flags = random.nextInt(8) == 0 ? random.nextInt(256) : 0;
        int protocol = random.nextBoolean() ? TestProtocols.CALC.id()
                : random.nextBoolean() ? TestProtocols.OTHER.id() : random.nextInt();
        // Not calc.sleep (5) or calc.relay_blocking (6): they would block this test's only thread.
        int method = METHODS[random.nextInt(METHODS.length)];
        long callId = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(50);
        if (kind == 5 && callId == 0) {
            // The peer closing the connection itself is a legitimate close without an ERROR from here.
            callId = 1;
        }
        byte[] body = new byte[random.nextInt(40)];
        random.nextBytes(body);
        if (random.nextBoolean() && body.length >= 8) {
            // A plausible length prefix, so strings and lists sometimes decode.
            long n = random.nextInt(Math.max(1, body.length - 8));
            for (int b = 0; b < 8; b++) {
                body[b] = (byte) (n >>> (8 * b));
            }
        }
        return TestFrames.frame(kind, flags, method, protocol, callId, body);
    }
}
