package dev.ipcgen.runtime;

import static dev.ipcgen.runtime.AbstractTransportTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.runtime.codec.Codecs;
import dev.ipcgen.runtime.testing.SocketDirs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deadlines and cancellation end to end: the timeout travels, the caller fails on time and cancels,
 * a cancelled future cancels the call, the handler observes both, and calls a handler makes through
 * {@link CallContext#peer()} inherit its deadline and cancellation while it is served, and nothing
 * (no deadline, no state left behind) once it ended.
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
    /** Keeps the context's peer in {@link #kept} and answers at once. */
    static final MethodDescriptor<String, String> KEEP = MethodDescriptor.unary("dl", 1, "keep", 4, Codecs.STRING, Codecs.STRING);
    /** Calls the client's {@code cb.left} 50 times through the context's peer, then answers the call's cancel hook count. */
    static final MethodDescriptor<String, Long> RELAY_MANY =
            MethodDescriptor.unary("dl", 1, "relay_many", 5, Codecs.STRING, Codecs.I64);
    static final ProtocolDescriptor DL = ProtocolDescriptor.of("dl", 1, 0,
            List.of(LEFT, WAIT, RELAY_LEFT, RELAY_WAIT, KEEP, RELAY_MANY));

    static final MethodDescriptor<String, Long> CB_LEFT = MethodDescriptor.unary("cb", 1, "left", 0, Codecs.STRING, Codecs.I64);
    static final MethodDescriptor<String, String> CB_WAIT = MethodDescriptor.unary("cb", 1, "wait", 1, Codecs.STRING, Codecs.STRING);
    static final ProtocolDescriptor CB = ProtocolDescriptor.of("cb", 1, 0, List.of(CB_LEFT, CB_WAIT));

    private final Path dir = SocketDirs.create();
    /** What handlers saw: "cancelled <method> <isCancelled>". */
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    /** The peer of the last {@code dl.keep} call, kept after it ended. */
    private final BlockingQueue<Peer> kept = new LinkedBlockingQueue<>();
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
                .unary(KEEP, (r, ctx) -> {
                    kept.add(ctx.peer());
                    return r;
                })
                .unary(RELAY_MANY, (r, ctx) -> {
                    for (int i = 0; i < 50; i++) {
                        ctx.peer().call(CB_LEFT, r, CallOptions.DEFAULT).get(2, TimeUnit.SECONDS);
                    }
                    // A call is forgotten by a completion stage of its own, which may run just after get() returns.
                    ServerCall served = ((CallPeer) ctx.peer()).served();
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                    while (served.cancelHookCount() != 0 && System.nanoTime() < end) {
                        Thread.sleep(1);
                    }
                    return (long) served.cancelHookCount();
                })
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
    void callsThroughTheContextsPeer_areForgottenOnceAnswered() throws Exception {
        assertThat(client.call(RELAY_MANY, "x", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS)).isZero();
        assertThat(client.call(RELAY_MANY, "x", CallOptions.DEFAULT.withTimeout(Duration.ofSeconds(2)))
                .get(3, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aPeerKeptAfterItsCallEnded_inheritsNoDeadline() throws Exception {
        client.call(KEEP, "x", CallOptions.DEFAULT.withTimeout(Duration.ofMillis(100))).get(2, TimeUnit.SECONDS);
        Peer stale = kept.poll(2, TimeUnit.SECONDS);
        Thread.sleep(150);
        // The ended call's deadline has passed: a kept peer is the plain connection now.
        assertThat(stale.call(CB_LEFT, "x", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS)).isEqualTo(-1L);
        assertThat(stale.call(CB_LEFT, "x", CallOptions.DEFAULT.withTimeout(Duration.ofMillis(1500)))
                .get(2, TimeUnit.SECONDS)).isBetween(1L, 1_500_000L);
    }

    @Test
    void aPeerKeptAfterItsCallEnded_holdsNoStateForItsCalls() throws Exception {
        client.call(KEEP, "x", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS);
        Peer stale = kept.poll(2, TimeUnit.SECONDS);
        ServerCall served = ((CallPeer) stale).served();
        for (int i = 0; i < 200; i++) {
            assertThat(stale.call(CB_LEFT, "x", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS)).isEqualTo(-1L);
        }
        served.onCancel(() -> events.add("stale listener ran"));
        assertThat(served.cancelHookCount()).isZero();
        assertThat(served.isCancelled()).isFalse();
        assertThat(events).isEmpty();
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
