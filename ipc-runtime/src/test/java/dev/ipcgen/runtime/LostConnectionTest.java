package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/**
 * A connection lost while calls are being served (the caller closes, the idle timeout closes a
 * silent caller, the other end closes): every served call is cancelled, its cancel listeners run
 * off the event loop, calls its handler then makes through {@link CallContext#peer()} fail at once,
 * and interceptors see it end with {@link ErrorCode#CONNECTION_CLOSED}.
 */
class LostConnectionTest {

    /** Waits (up to 10 s) until cancelled, then calls back through the context's peer. */
    static final MethodDescriptor<String, String> HOLD = MethodDescriptor.unary("lost", 1, "hold", 0, Codecs.STRING, Codecs.STRING);
    static final ProtocolDescriptor LOST = ProtocolDescriptor.of("lost", 1, 0, List.of(HOLD));

    private final Path dir = SocketDirs.create();
    /** What holding handlers saw, in order. */
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    /** Outcomes server interceptors saw. */
    private final BlockingQueue<String> outcomes = new LinkedBlockingQueue<>();
    private final CountDownLatch holding = new CountDownLatch(1);
    private IpcServer server;
    private IpcConnection client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        SocketDirs.delete(dir);
    }

    /** The handler: reports its cancellation, then what a call back to its caller does. */
    private String hold(CallContext ctx) throws InterruptedException {
        CountDownLatch cancelled = new CountDownLatch(1);
        ctx.onCancel(() -> {
            events.add("listener on " + Thread.currentThread().getName().replaceAll("-\\d+-\\d+$", "")
                    + ", cancelled " + ctx.isCancelled());
            cancelled.countDown();
        });
        holding.countDown();
        if (!cancelled.await(10, TimeUnit.SECONDS)) {
            events.add("never cancelled");
            return "late";
        }
        long start = System.nanoTime();
        CompletableFuture<String> back = ctx.peer().call(HOLD, "back", CallOptions.DEFAULT);
        try {
            back.get(5, TimeUnit.SECONDS);
            events.add("call back answered");
        } catch (ExecutionException e) {
            IpcException failure = (IpcException) e.getCause();
            events.add("call back failed " + failure.code() + " within 1 s: "
                    + (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1)));
        } catch (java.util.concurrent.TimeoutException e) {
            events.add("call back hung");
        }
        return "late";
    }

    private Service holdService() {
        return Service.builder(LOST).unary(HOLD, (r, ctx) -> hold(ctx)).build();
    }

    private final ServerInterceptor recorder = new ServerInterceptor() {
        @Override
        public void onComplete(CallContext call, ErrorCode outcome, long durationNanos) {
            outcomes.add(call.method().fullName() + " " + outcome);
        }
    };

    private IpcServer.Builder serverBuilder() {
        return IpcServer.builder().listen(Endpoint.unix(dir.resolve("s.sock"))).serve(holdService())
                .serverInterceptor(recorder).shutdownGracePeriod(Duration.ZERO);
    }

    private void assertCancelledOnceLost(String listenerThreadPrefix) throws InterruptedException {
        assertThat(events.poll(3, TimeUnit.SECONDS)).isEqualTo("listener on " + listenerThreadPrefix + ", cancelled true");
        assertThat(events.poll(3, TimeUnit.SECONDS)).isEqualTo("call back failed CONNECTION_CLOSED within 1 s: true");
        assertThat(outcomes.poll(3, TimeUnit.SECONDS)).isEqualTo("lost.hold CONNECTION_CLOSED");
        assertThat(outcomes.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    /** The server's first client once its handshake is done on the server's side too. */
    private Peer firstPeer() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (server.peers().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        return server.peers().get(0);
    }

    @Test
    void callerCloses_cancelsTheCallsServedForIt() throws Exception {
        server = serverBuilder().start();
        client = IpcClient.connect(server.endpoint());
        CompletableFuture<String> call = client.call(HOLD, "x", CallOptions.DEFAULT);
        assertThat(holding.await(3, TimeUnit.SECONDS)).isTrue();
        client.close();
        assertThat(call).failsWithin(2, TimeUnit.SECONDS);
        assertCancelledOnceLost("ipc-server-worker");
    }

    @Test
    void idleTimeout_cancelsTheCallsServedForTheSilentCaller() throws Exception {
        server = serverBuilder().idleTimeout(Duration.ofMillis(300)).start();
        client = IpcClient.connect(server.endpoint());
        CompletableFuture<String> call = client.call(HOLD, "x", CallOptions.DEFAULT);
        assertThat(holding.await(3, TimeUnit.SECONDS)).isTrue();
        assertThat(call).failsWithin(3, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(IpcException.class)
                .withMessageContaining("CONNECTION_CLOSED");
        assertCancelledOnceLost("ipc-server-worker");
    }

    @Test
    void serverCloses_cancelsTheCallsTheClientServesForIt() throws Exception {
        server = IpcServer.builder().listen(Endpoint.unix(dir.resolve("s.sock"))).shutdownGracePeriod(Duration.ZERO).start();
        client = IpcClient.builder().serve(holdService()).serverInterceptor(recorder).connect(server.endpoint());
        CompletableFuture<String> call = firstPeer().call(HOLD, "x", CallOptions.DEFAULT);
        assertThat(holding.await(3, TimeUnit.SECONDS)).isTrue();
        server.close();
        assertThat(call).failsWithin(2, TimeUnit.SECONDS);
        assertCancelledOnceLost("ipc-client-worker");
    }
}
