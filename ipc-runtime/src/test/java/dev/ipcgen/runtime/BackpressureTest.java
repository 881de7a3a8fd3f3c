package dev.ipcgen.runtime;

import static dev.ipcgen.runtime.AbstractTransportTest.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ipcgen.runtime.codec.Codecs;
import dev.ipcgen.runtime.testing.SocketDirs;
import dev.ipcgen.runtime.testing.TestFrames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Write back-pressure: a raw peer completes the handshake and then stops reading while our client
 * tries to send 1 GiB of 64 KiB one-way messages. The client must not buffer it: with
 * {@link WritePolicy#FAIL} a send fails once about the high-water mark is pending; with
 * {@link WritePolicy#WAIT} the sending thread blocks with at most the high-water mark plus one
 * frame pending (and the allocator's direct memory stays under 64 MiB); one-way futures complete
 * only once written; when the peer reads again the sender moves on, and when it closes everything
 * ends with CONNECTION_CLOSED.
 */
@Timeout(20)
class BackpressureTest {

    private static final int BODY = 64 * 1024;
    private static final long ONE_GIB = 1L << 30;
    private static final int LOW = 64 * 1024;
    private static final int HIGH = 256 * 1024;
    /**
     * What may be accepted before the sender is stopped: the high-water mark, one frame, and the
     * kernel's socket buffers (a few hundred KiB for a Unix socket), with a wide margin: 1/128 of
     * what the sender tries to send.
     */
    private static final long ACCEPTED_BOUND = 8L * 1024 * 1024;
    /** At most the high-water mark plus one frame (64 KiB body and its header) waits on our side. */
    private static final long PENDING_BOUND = HIGH + 2L * BODY;

    /** Direct memory the allocator may take on until the sender is blocked: a few chunks, far below 1 GiB. */
    private static final long DIRECT_BOUND = 64L * 1024 * 1024;

    private final Path dir = SocketDirs.create();
    private final String body = "x".repeat(BODY);
    private ServerSocketChannel listener;
    private SocketChannel peer;
    private IpcConnection client;

    @AfterEach
    void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        if (peer != null) {
            peer.close();
        }
        if (listener != null) {
            listener.close();
        }
        SocketDirs.delete(dir);
    }

    /** Connects {@code builder} to a peer that sends a HELLO serving calc@1 and then reads nothing. */
    private IpcConnection connectToSilentPeer(IpcClient.Builder builder) throws Exception {
        Path path = dir.resolve("p.sock");
        listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listener.bind(UnixDomainSocketAddress.of(path));
        CompletableFuture<SocketChannel> accepted = CompletableFuture.supplyAsync(() -> {
            try {
                SocketChannel ch = listener.accept();
                ByteBuf hello = TestFrames.hello(0x31435049L, 1, 16 * 1024 * 1024,
                        TestProtocols.CALC.id(), "calc", 1, 0L);
                try {
                    ByteBuffer b = hello.nioBuffer();
                    while (b.hasRemaining()) {
                        ch.write(b);
                    }
                } finally {
                    hello.release();
                }
                return ch;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        client = builder.writeBufferWaterMarks(LOW, HIGH).connect(Endpoint.unix(path));
        peer = accepted.get(2, TimeUnit.SECONDS);
        return client;
    }

    /** Reads and discards at least {@code bytes} from the peer's side. */
    private void peerReads(long bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(256 * 1024);
        long read = 0;
        while (read < bytes) {
            buf.clear();
            int n = peer.read(buf);
            if (n < 0) {
                break;
            }
            read += n;
        }
    }

    @Test
    void failPolicy_failsTheSenderAtTheHighWaterMark_andSendsCompleteOnlyWhenWritten() throws Exception {
        IpcConnection c = connectToSilentPeer(IpcClient.builder().writePolicy(WritePolicy.FAIL));
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        IpcException refused = null;
        long accepted = 0;
        while (accepted < ONE_GIB) {
            CompletableFuture<Void> f = c.send(TestProtocols.LOG, body, CallOptions.DEFAULT);
            if (f.isCompletedExceptionally()) {
                refused = failure(f);
                break;
            }
            sent.add(f);
            accepted += BODY;
        }
        assertThat(refused).as("a send was refused before 1 GiB was buffered").isNotNull();
        assertThat(accepted).isLessThan(ACCEPTED_BOUND);
        assertThat(c.pendingWriteBytes()).isPositive().isLessThanOrEqualTo(PENDING_BOUND);
        assertThat(refused.code()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED);
        assertThat(refused.detail()).startsWith("the peer is not reading: ").endsWith(" bytes wait to be written "
                + "(high-water mark " + HIGH + ")");
        assertThat(sent.get(sent.size() - 1)).as("a one-way send completes only once written").isNotDone();

        peerReads(accepted);
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        // Netty completes a write's promise just before it subtracts the write from its count.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (c.pendingWriteBytes() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(c.pendingWriteBytes()).isZero();
        c.send(TestProtocols.LOG, "after", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS);
    }

    @Test
    void waitPolicy_blocksTheSender_resumesWhenThePeerReads_andFailsCleanlyWhenItCloses() throws Exception {
        IpcConnection c = connectToSilentPeer(IpcClient.builder().writePolicy(WritePolicy.WAIT));
        long directBefore = usedDirectMemory();
        AtomicLong accepted = new AtomicLong();
        Queue<CompletableFuture<Void>> futures = new ConcurrentLinkedQueue<>();
        AtomicReference<IpcException> ended = new AtomicReference<>();
        Thread sender = new Thread(() -> {
            for (long n = 0; n < ONE_GIB; n += BODY) {
                CompletableFuture<Void> f = c.send(TestProtocols.LOG, body, CallOptions.DEFAULT);
                futures.add(f);
                if (f.isCompletedExceptionally()) {
                    ended.set(failure(f));
                    return;
                }
                accepted.addAndGet(BODY);
            }
        }, "backpressure-sender");
        sender.setDaemon(true);
        sender.start();

        awaitBlocked(sender, accepted);
        long blockedAt = accepted.get();
        assertThat(blockedAt).as("bytes accepted before the sender blocked").isLessThan(ACCEPTED_BOUND);
        assertThat(c.pendingWriteBytes()).isLessThanOrEqualTo(PENDING_BOUND);
        assertThat(usedDirectMemory() - directBefore)
                .as("direct memory the allocator took on (frames are pooled direct buffers)").isLessThan(DIRECT_BOUND);
        assertThat(ended.get()).isNull();

        peerReads(4L * 1024 * 1024);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (accepted.get() < blockedAt + 2L * 1024 * 1024 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(accepted.get()).as("the sender moved on once the peer read").isGreaterThanOrEqualTo(blockedAt + 2L * 1024 * 1024);
        awaitBlocked(sender, accepted);
        assertThat(c.pendingWriteBytes()).isLessThanOrEqualTo(PENDING_BOUND);

        peer.close();
        sender.join(3000);
        assertThat(sender.isAlive()).as("the blocked sender was released by the close").isFalse();
        assertThat(ended.get()).isNotNull();
        assertThat(ended.get().code()).isEqualTo(ErrorCode.CONNECTION_CLOSED);
        for (CompletableFuture<Void> f : futures) {
            Throwable t = catchThrowable(() -> f.get(2, TimeUnit.SECONDS));
            if (t != null) {
                assertThat(t.getCause()).isInstanceOf(IpcException.class);
                assertThat(((IpcException) t.getCause()).code()).isEqualTo(ErrorCode.CONNECTION_CLOSED);
            }
        }
        assertThat(accepted.get()).isLessThan(ONE_GIB);
    }

    @Test
    void waitPolicy_givesUpAfterMaxWriteWait_orTheCallsTimeout() throws Exception {
        IpcConnection c = connectToSilentPeer(IpcClient.builder().maxWriteWait(Duration.ofMillis(200)));
        IpcException gaveUp = null;
        long tookNanos = 0;
        for (long n = 0; n < ONE_GIB && gaveUp == null; n += BODY) {
            long start = System.nanoTime();
            CompletableFuture<Void> f = c.send(TestProtocols.LOG, body, CallOptions.DEFAULT);
            tookNanos = System.nanoTime() - start;
            if (f.isCompletedExceptionally()) {
                gaveUp = failure(f);
            }
        }
        assertThat(gaveUp).isNotNull();
        assertThat(gaveUp.code()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED);
        assertThat(gaveUp.detail()).startsWith("the peer has not read for 200 ms: ");
        assertThat(tookNanos).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(190));

        long start = System.nanoTime();
        IpcException late = failure(c.call(TestProtocols.ECHO, "x", CallOptions.DEFAULT.withTimeout(Duration.ofMillis(50))));
        assertThat(late.code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
        assertThat(late.detail()).startsWith("no room to send within 50 ms: the peer is not reading: ");
        assertThat(System.nanoTime() - start).isBetween(TimeUnit.MILLISECONDS.toNanos(45), TimeUnit.MILLISECONDS.toNanos(1000));
    }

    @Test
    void waitPolicy_onAnEventLoop_failsInsteadOfBlocking() throws Exception {
        MethodDescriptor<Long, String> flood = MethodDescriptor.unary("flood", 1, "flood", 0, Codecs.U64, Codecs.STRING);
        Service floodService = Service.builder(ProtocolDescriptor.of("flood", 1, 0, List.of(flood)))
                .unary(flood, (count, ctx) -> {
                    // Inline on the event loop, which cannot write while this runs: the queue fills.
                    for (long i = 0; i < count; i++) {
                        CompletableFuture<Void> f = ctx.peer().send(TestProtocols.LOG, body, CallOptions.DEFAULT);
                        if (f.isCompletedExceptionally()) {
                            IpcException e = failure(f);
                            return e.code() + " after " + i + ": " + e.detail();
                        }
                    }
                    return "all " + count + " sent";
                }).build();
        Queue<String> logged = new ConcurrentLinkedQueue<>();
        try (IpcServer server = IpcServer.builder().listen(Endpoint.unix(dir.resolve("s.sock"))).serve(floodService)
                .handlerExecutor(Runnable::run).writeBufferWaterMarks(LOW, HIGH).maxWriteWait(Duration.ofSeconds(10))
                .start();
                IpcConnection c = IpcClient.builder().serve(TestProtocols.calc(logged)).connect(server.endpoint())) {
            long start = System.nanoTime();
            String result = c.call(flood, ONE_GIB / BODY, CallOptions.DEFAULT).get(5, TimeUnit.SECONDS);
            assertThat(System.nanoTime() - start).as("no wait for maxWriteWait").isLessThan(TimeUnit.SECONDS.toNanos(3));
            assertThat(result).matches("RESOURCE_EXHAUSTED after \\d+: the peer is not reading: \\d+ bytes wait to be "
                    + "written \\(high-water mark " + HIGH + "\\)");
            long sent = Long.parseLong(result.replaceAll("RESOURCE_EXHAUSTED after (\\d+):.*", "$1"));
            assertThat(sent * BODY).isLessThanOrEqualTo(HIGH + BODY);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (logged.size() < sent && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(logged).as("what was queued is delivered once the handler returns").hasSize((int) sent);
        }
    }

    private static long usedDirectMemory() {
        return ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric().usedDirectMemory();
    }

    /** Waits until {@code sender} is parked in a send and has accepted nothing for 200 ms. */
    private static void awaitBlocked(Thread sender, AtomicLong accepted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long last = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = accepted.get();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            }
            Thread.State state = sender.getState();
            if ((state == Thread.State.TIMED_WAITING || state == Thread.State.WAITING)
                    && System.nanoTime() - stableSince > TimeUnit.MILLISECONDS.toNanos(200)) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the sender did not block; accepted " + accepted.get() + " bytes, state "
                + sender.getState());
    }
}
