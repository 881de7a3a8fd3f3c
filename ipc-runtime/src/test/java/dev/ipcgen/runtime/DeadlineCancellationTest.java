package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ipcgen.runtime.codec.Codecs;
import dev.ipcgen.runtime.testing.SocketDirs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deadlines and cancellation end to end: the timeout travels, the caller fails on time and cancels,
 * a cancelled future cancels the call, the handler observes both, and calls a handler makes through
 * {@link CallContext#peer()} inherit its deadline and cancellation.
 */
class DeadlineCancellationTest {

    /** Answers the time left in microseconds, or -1 without a deadline. */
    static final MethodDescriptor<String, Long> LEFT = MethodDescriptor.unary("dl", 1, "left", 0, Codecs.STRING, Codecs.I64);
    /** Waits until cancelled (or 2 s), then answers. */
    static final MethodDescriptor<String, String> WAIT = MethodDescriptor.unary("dl", 1, "wait", 1, Codecs.STRING, Codecs.STRING);
    /** Calls the client's {@code cb.left} through the context's peer. */
    static final MethodDescriptor<String, Long> RELAY_LEFT =
            MethodDescriptor.unary("dl", 1, "relay_left", 2, Codecs.STRING, Codecs.I64);
    /** Calls the client's {@code cb.wait} through the context's peer. */
    static final MethodDescriptor<String, String> RELAY_WAIT =
            MethodDescriptor.unary("dl", 1, "relay_wait", 3, Codecs.STRING, Codecs.STRING);
    static final ProtocolDescriptor DL = ProtocolDescriptor.of("dl", 1, 0, List.of(LEFT, WAIT, RELAY_LEFT, RELAY_WAIT));

    static final MethodDescriptor<String, Long> CB_LEFT = MethodDescriptor.unary("cb", 1, "left", 0, Codecs.STRING, Codecs.I64);
    static final MethodDescriptor<String, String> CB_WAIT = MethodDescriptor.unary("cb", 1, "wait", 1, Codecs.STRING, Codecs.STRING);
    static final ProtocolDescriptor CB = ProtocolDescriptor.of("cb", 1, 0, List.of(CB_LEFT, CB_WAIT));

    private final Path dir = SocketDirs.create();
    /** What handlers saw: "cancelled <method> <isCancelled>". */
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private IpcServer server;
    private IpcConnection client;

    private static long left(CallContext ctx) {
        return ctx.timeRemaining().map(d -> d.toNanos() / 1000).orElse(-1L);
    }

    private String waitForCancel(CallContext ctx) throws InterruptedException {
        CountDownLatch cancelled = new CountDownLatch(1);
        ctx.onCancel(() -> {
            events.add("cancelled " + ctx.method().fullName() + " " + ctx.isCancelled());
            cancelled.countDown();
        });
        cancelled.await(2, TimeUnit.SECONDS);
        return "done";
    }

    @BeforeEach
    void start() {
        Service dl = Service.builder(DL)
                .unary(LEFT, (r, ctx) -> left(ctx))
                .unary(WAIT, (r, ctx) -> waitForCancel(ctx))
                .unaryAsync(RELAY_LEFT, (r, ctx) -> ctx.peer().call(CB_LEFT, r, CallOptions.DEFAULT))
                .unaryAsync(RELAY_WAIT, (r, ctx) -> ctx.peer().call(CB_WAIT, r, CallOptions.DEFAULT))
                .build();
        Service cb = Service.builder(CB)
                .unary(CB_LEFT, (r, ctx) -> left(ctx))
                .unary(CB_WAIT, (r, ctx) -> waitForCancel(ctx))
                .build();
        server = IpcServer.builder().listen(Endpoint.unix(dir.resolve("s.sock"))).serve(dl)
                .shutdownGracePeriod(Duration.ZERO).start();
        client = IpcClient.builder().serve(cb).connect(server.endpoint());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        SocketDirs.delete(dir);
    }

    private static IpcException failure(CompletableFuture<?> f) {
        Throwable t = catchThrowable(() -> f.get(2, TimeUnit.SECONDS));
        assertThat(t).isInstanceOf(ExecutionException.class);
        assertThat(t.getCause()).isInstanceOf(IpcException.class);
        return (IpcException) t.getCause();
    }

    @Test
    void timeout_travelsToTheHandler() throws Exception {
        long left = client.call(LEFT, "x", CallOptions.DEFAULT.withTimeout(Duration.ofMillis(1500))).get(2, TimeUnit.SECONDS);
        assertThat(left).isBetween(1L, 1_500_000L);
        assertThat(client.call(LEFT, "x", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS)).isEqualTo(-1L);
    }

    @Test
    void deadline_failsTheCallerOnTime_andTheHandlerObservesIt() throws Exception {
        long start = System.nanoTime();
        IpcException e = failure(client.call(WAIT, "x", CallOptions.DEFAULT.withTimeout(Duration.ofMillis(100))));
        assertThat(e.code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.MILLISECONDS.toNanos(1500));
        assertThat(events.poll(2, TimeUnit.SECONDS)).isEqualTo("cancelled dl.wait true");
    }

    @Test
    void cancellingTheCallersFuture_sendsCancel_andTheHandlerObservesIt() throws Exception {
        CompletableFuture<String> f = client.call(WAIT, "x", CallOptions.DEFAULT);
        // Be sure the REQUEST is being served before cancelling.
        client.call(LEFT, "sync", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS);
        assertThat(f.cancel(true)).isTrue();
        assertThat(events.poll(2, TimeUnit.SECONDS)).isEqualTo("cancelled dl.wait true");
        assertThat(f).isCancelled();
        assertThat(client.call(LEFT, "after", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS)).isEqualTo(-1L);
    }

    @Test
    void callsThroughTheContextsPeer_inheritTheRemainingDeadline() throws Exception {
        long left = client.call(RELAY_LEFT, "x", CallOptions.DEFAULT.withTimeout(Duration.ofMillis(1500)))
                .get(2, TimeUnit.SECONDS);
        assertThat(left).isBetween(1L, 1_500_000L);
        assertThat(client.call(RELAY_LEFT, "x", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS)).isEqualTo(-1L);
    }

    @Test
    void callsThroughTheContextsPeer_inheritItsDeadlineExpiry() throws Exception {
        IpcException e = failure(client.call(RELAY_WAIT, "x", CallOptions.DEFAULT.withTimeout(Duration.ofMillis(150))));
        assertThat(e.code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
        assertThat(events.poll(2, TimeUnit.SECONDS)).isEqualTo("cancelled cb.wait true");
    }

    @Test
    void callsThroughTheContextsPeer_areCancelledWithTheCallThatMadeThem() throws Exception {
        CompletableFuture<String> f = client.call(RELAY_WAIT, "x", CallOptions.DEFAULT);
        client.call(LEFT, "sync", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS);
        Thread.sleep(50);
        f.cancel(true);
        assertThat(events.poll(2, TimeUnit.SECONDS)).isEqualTo("cancelled cb.wait true");
    }

    @Test
    void contextPeer_equalsTheConnectionsPeer() throws Exception {
        MethodDescriptor<String, String> who = MethodDescriptor.unary("who", 1, "who", 0, Codecs.STRING, Codecs.STRING);
        ProtocolDescriptor whoP = ProtocolDescriptor.of("who", 1, 0, List.of(who));
        BlockingQueue<Peer> seen = new LinkedBlockingQueue<>();
        try (IpcServer s = IpcServer.builder().listen(Endpoint.unix(dir.resolve("w.sock")))
                .serve(Service.builder(whoP).unary(who, (r, ctx) -> {
                    seen.add(ctx.peer());
                    return r;
                }).build()).start();
                IpcConnection c = IpcClient.connect(s.endpoint())) {
            c.call(who, "a", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS);
            c.call(who, "b", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS);
            Peer first = seen.take();
            Peer second = seen.take();
            assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
            assertThat(s.peers()).containsExactly(first);
            assertThat(s.peers().get(0)).isEqualTo(first).hasSameHashCodeAs(first);
        }
    }
}
