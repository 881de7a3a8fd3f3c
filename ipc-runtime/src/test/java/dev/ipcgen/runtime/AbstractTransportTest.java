package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ipcgen.runtime.testing.SocketDirs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One suite, run against every transport by its subclasses (as grpc-java's AbstractTransportTest):
 * a real server and client over a real socket.
 */
abstract class AbstractTransportTest {

    /** The transport under test. */
    abstract Transport transport();

    /** Whether to use a Unix domain socket (else TCP on 127.0.0.1). */
    abstract boolean unix();

    /** Extra checks on the transport actually in use. */
    void checkTransport(Transport actual) {
    }

    Path dir;
    Endpoint endpoint;
    IpcServer server;
    final Queue<String> logged = new ConcurrentLinkedQueue<>();
    final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void startServer() {
        dir = SocketDirs.create();
        server = IpcServer.builder()
                .listen(unix() ? Endpoint.unix(dir.resolve("s.sock")) : Endpoint.tcp("127.0.0.1", 0))
                .serve(TestProtocols.calc(logged))
                .serve(TestProtocols.other())
                .transport(transport())
                .ioThreads(2)
                .shutdownGracePeriod(Duration.ofMillis(600))
                .start();
        endpoint = server.endpoint();
        checkTransport(server.transport());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        server.close();
        SocketDirs.delete(dir);
    }

    IpcConnection connect() {
        IpcConnection c = IpcClient.builder().transport(transport()).connect(endpoint);
        toClose.add(c);
        return c;
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(2, TimeUnit.SECONDS);
    }

    static IpcException failure(CompletableFuture<?> f) {
        Throwable t = catchThrowable(() -> f.get(2, TimeUnit.SECONDS));
        assertThat(t).isInstanceOf(ExecutionException.class);
        assertThat(t.getCause()).isInstanceOf(IpcException.class);
        return (IpcException) t.getCause();
    }

    @Test
    void call_returnsTheResponse() throws Exception {
        IpcConnection c = connect();
        checkTransport(c.transport());
        assertThat(await(c.call(TestProtocols.ADD, new TestProtocols.Add(40, 2), CallOptions.DEFAULT))).isEqualTo(42L);
        assertThat(await(c.call(TestProtocols.ECHO, "héllo", CallOptions.DEFAULT))).isEqualTo("héllo");
    }

    @Test
    void connect_reportsWhatTheServerServes() {
        IpcConnection c = connect();
        assertThat(c.remoteProtocols()).extracting(ProtocolInfo::toString).containsExactlyInAnyOrder("calc@1", "other@1");
        assertThat(c.remoteProtocols()).filteredOn(p -> p.name().equals("calc"))
                .extracting(ProtocolInfo::fingerprint).containsExactly(0x1234_5678_9ABC_DEF0L);
        assertThat(c.describe()).isEqualTo(endpoint.toString());
    }

    @Test
    void oneWay_reachesTheHandler() throws Exception {
        IpcConnection c = connect();
        await(c.send(TestProtocols.LOG, "first", CallOptions.DEFAULT));
        await(c.send(TestProtocols.LOG, "second", CallOptions.DEFAULT));
        // A call after the messages is answered after they were dispatched, on the same connection.
        await(c.call(TestProtocols.ECHO, "sync", CallOptions.DEFAULT));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (logged.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(logged).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void failingOneWay_isDroppedAndCounted() throws Exception {
        IpcConnection c = connect();
        await(c.send(TestProtocols.LOG, "boom", CallOptions.DEFAULT));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (server.stats().droppedOneWays() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(server.stats().droppedOneWays()).isEqualTo(1);
        assertThat(await(c.call(TestProtocols.ECHO, "still fine", CallOptions.DEFAULT))).isEqualTo("still fine");
    }

    @Test
    void severalProtocols_areRoutedByIdOnOneConnection() throws Exception {
        IpcConnection c = connect();
        CompletableFuture<Long> add = c.call(TestProtocols.ADD, new TestProtocols.Add(1, 2), CallOptions.DEFAULT);
        CompletableFuture<Long> twice = c.call(TestProtocols.TWICE, 21L, CallOptions.DEFAULT);
        assertThat(await(add)).isEqualTo(3L);
        assertThat(await(twice)).isEqualTo(42L);
    }

    @Test
    void concurrentCalls_fromFourThreads_areAllAnsweredCorrectly() throws Exception {
        IpcConnection c = connect();
        int perThread = 250;
        List<List<CompletableFuture<Long>>> futures = new ArrayList<>();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < 4; t++) {
            int base = t * 1_000_000;
            List<CompletableFuture<Long>> mine = new ArrayList<>();
            futures.add(mine);
            threads[t] = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    mine.add(c.call(TestProtocols.ADD, new TestProtocols.Add(base, i), CallOptions.DEFAULT));
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join(2000);
        }
        for (int t = 0; t < 4; t++) {
            assertThat(futures.get(t)).hasSize(perThread);
            for (int i = 0; i < perThread; i++) {
                assertThat(await(futures.get(t).get(i))).isEqualTo(t * 1_000_000L + i);
            }
        }
    }

    @Test
    void handlerException_isHandlerError_andTheConnectionStaysUsable() throws Exception {
        IpcConnection c = connect();
        IpcException e = failure(c.call(TestProtocols.FAIL, "boom", CallOptions.DEFAULT));
        assertThat(e.code()).isEqualTo(ErrorCode.HANDLER_ERROR);
        assertThat(e.codeValue()).isEqualTo(4);
        assertThat(e.callName()).isEqualTo("calc.fail");
        assertThat(e.detail()).isEqualTo("boom");
        assertThat(e).hasMessage("calc.fail on " + endpoint + " failed: HANDLER_ERROR (4): boom");
        assertThat(await(c.call(TestProtocols.ECHO, "after", CallOptions.DEFAULT))).isEqualTo("after");
    }

    @Test
    void unknownMethod_isUnknownMethod() throws Exception {
        IpcConnection c = connect();
        MethodDescriptor<String, String> nine = MethodDescriptor.unary("calc", 1, "nine", 9,
                dev.ipcgen.runtime.codec.Codecs.STRING, dev.ipcgen.runtime.codec.Codecs.STRING);
        IpcException e = failure(c.call(nine, "x", CallOptions.DEFAULT));
        assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_METHOD);
        assertThat(e.detail()).isEqualTo("protocol calc@1 has no method 9 (expected: 0..6)");
        assertThat(await(c.call(TestProtocols.ECHO, "after", CallOptions.DEFAULT))).isEqualTo("after");
    }

    @Test
    void requestForAOneWayMessage_isBadRequest() throws Exception {
        IpcConnection c = connect();
        MethodDescriptor<String, String> logAsCall = MethodDescriptor.unary("calc", 1, "log", 2,
                dev.ipcgen.runtime.codec.Codecs.STRING, dev.ipcgen.runtime.codec.Codecs.STRING);
        IpcException e = failure(c.call(logAsCall, "x", CallOptions.DEFAULT));
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.detail()).isEqualTo("log is one-way");
    }

    @Test
    void undecodableRequest_isBadRequestWithTheDecodeError() throws Exception {
        IpcConnection c = connect();
        MethodDescriptor<Long, Long> addWithOneField = MethodDescriptor.unary("calc", 1, "add", 0,
                dev.ipcgen.runtime.codec.Codecs.I64, dev.ipcgen.runtime.codec.Codecs.I64);
        IpcException e = failure(c.call(addWithOneField, 5L, CallOptions.DEFAULT));
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.detail()).startsWith("cannot decode the calc.add request: unexpected end of body");
    }

    @Test
    void protocolThePeerDoesNotServe_failsLocallyWithWhatItServes() {
        IpcConnection c = connect();
        IpcException e = failure(c.call(TestProtocols.SHOUT, "x", CallOptions.DEFAULT));
        assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_PROTOCOL);
        assertThat(e.detail()).isEqualTo("peer does not serve callback@1; it serves calc@1, other@1");
        IpcException v2 = failure(c.call(TestProtocols.ADD_V2, new TestProtocols.Add(1, 1), CallOptions.DEFAULT));
        assertThat(v2.detail()).isEqualTo("peer serves calc version 1; this side speaks version 2");
    }

    @Test
    void handler_callsBackTheClientThroughItsContext() throws Exception {
        IpcConnection c = IpcClient.builder().transport(transport()).serve(TestProtocols.callback()).connect(endpoint);
        toClose.add(c);
        assertThat(await(c.call(TestProtocols.RELAY, "hi", CallOptions.DEFAULT))).isEqualTo("relayed HI");
    }

    @Test
    void handlersBlockingOnCallsBack_doNotStarveThePool() throws Exception {
        IpcConnection c = IpcClient.builder().transport(transport()).serve(TestProtocols.callback()).connect(endpoint);
        toClose.add(c);
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(c.call(TestProtocols.RELAY_BLOCKING, "n" + i, CallOptions.DEFAULT));
        }
        for (int i = 0; i < 8; i++) {
            assertThat(await(calls.get(i))).isEqualTo("relayed N" + i);
        }
    }

    @Test
    void aHandlerWaitingForALaterRequestOfTheSameRead_doesNotHoldItBack() throws Exception {
        // Requests read together go to the pool as one batch (TaskBatch); the pool must still run
        // the second of each pair while the first waits for it. Request 10r+1 waits for 10r+2.
        List<CountDownLatch> secondRan = List.of(new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1));
        Service waiting = Service.builder(TestProtocols.OTHER).unary(TestProtocols.TWICE, (r, ctx) -> {
            CountDownLatch latch = secondRan.get((int) (r / 10));
            if (r % 10 == 1) {
                return latch.await(5, TimeUnit.SECONDS) ? 2 * r : -1L;
            }
            latch.countDown();
            return 2 * r;
        }).build();
        try (IpcServer batching = IpcServer.builder()
                .listen(unix() ? Endpoint.unix(dir.resolve("b.sock")) : Endpoint.tcp("127.0.0.1", 0))
                .serve(waiting).transport(transport())
                .start()) {
            IpcConnection c = IpcClient.builder().transport(transport()).connect(batching.endpoint());
            toClose.add(c);
            for (long round = 0; round < secondRan.size(); round++) {
                CompletableFuture<Long> first = c.call(TestProtocols.TWICE, 10 * round + 1, CallOptions.DEFAULT);
                CompletableFuture<Long> second = c.call(TestProtocols.TWICE, 10 * round + 2, CallOptions.DEFAULT);
                assertThat(await(first)).isEqualTo(20 * round + 2);
                assertThat(await(second)).isEqualTo(20 * round + 4);
            }
        }
    }

    @Test
    void inlineService_runsOnTheEventLoop_otherServicesOnThePool_andCallsBackWithoutWaiting() throws Exception {
        Queue<String> threads = new ConcurrentLinkedQueue<>();
        Service inlineCalc = Service.builder(TestProtocols.CALC)
                .unary(TestProtocols.ADD, (r, ctx) -> {
                    threads.add("add " + Thread.currentThread().getName());
                    return r.a() + r.b();
                })
                .unary(TestProtocols.ECHO, (r, ctx) -> r)
                .oneWay(TestProtocols.LOG, (r, ctx) -> threads.add("log " + Thread.currentThread().getName()))
                .unary(TestProtocols.FAIL, (r, ctx) -> {
                    throw new IllegalStateException(r);
                })
                .unaryAsync(TestProtocols.RELAY, (r, ctx) -> ctx.peer().call(TestProtocols.SHOUT, r, CallOptions.DEFAULT)
                        .thenApply(shouted -> "relayed " + shouted))
                .unary(TestProtocols.SLEEP, (r, ctx) -> r)
                .unary(TestProtocols.RELAY_BLOCKING, (r, ctx) -> r)
                .build()
                .inline();
        Service pooledOther = Service.builder(TestProtocols.OTHER).unary(TestProtocols.TWICE, (r, ctx) -> {
            threads.add("twice " + Thread.currentThread().getName());
            return 2 * r;
        }).build();
        assertThat(inlineCalc.isInline()).isTrue();
        assertThat(pooledOther.isInline()).isFalse();
        try (IpcServer mixed = IpcServer.builder()
                .listen(unix() ? Endpoint.unix(dir.resolve("i.sock")) : Endpoint.tcp("127.0.0.1", 0))
                .serve(inlineCalc).serve(pooledOther).transport(transport())
                .start()) {
            IpcConnection c = IpcClient.builder().transport(transport()).serve(TestProtocols.callback())
                    .connect(mixed.endpoint());
            toClose.add(c);
            assertThat(await(c.call(TestProtocols.ADD, new TestProtocols.Add(20, 22), CallOptions.DEFAULT))).isEqualTo(42L);
            assertThat(await(c.call(TestProtocols.TWICE, 21L, CallOptions.DEFAULT))).isEqualTo(42L);
            await(c.send(TestProtocols.LOG, "x", CallOptions.DEFAULT));
            assertThat(await(c.call(TestProtocols.RELAY, "back", CallOptions.DEFAULT))).isEqualTo("relayed BACK");
            assertThat(failure(c.call(TestProtocols.FAIL, "on purpose", CallOptions.DEFAULT)).code())
                    .isEqualTo(ErrorCode.HANDLER_ERROR);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (threads.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(threads).hasSize(3).anySatisfy(t -> assertThat(t).startsWith("add ipc-server-io-"))
                    .anySatisfy(t -> assertThat(t).startsWith("log ipc-server-io-"))
                    .anySatisfy(t -> assertThat(t).startsWith("twice ipc-server-worker-"));
        }
    }

    @Test
    void connectionListener_seesTheSamePeerAsHandlers_andTheServerCanPushToIt() throws Exception {
        java.util.concurrent.BlockingQueue<String> events = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.atomic.AtomicReference<Peer> seen = new java.util.concurrent.atomic.AtomicReference<>();
        Service who = Service.builder(TestProtocols.OTHER).unary(TestProtocols.TWICE, (r, ctx) -> {
            seen.set(ctx.peer());
            return 2 * r;
        }).build();
        try (IpcServer listening = IpcServer.builder()
                .listen(unix() ? Endpoint.unix(dir.resolve("l.sock")) : Endpoint.tcp("127.0.0.1", 0))
                .serve(who).transport(transport())
                .connectionListener(new ConnectionListener() {
                    @Override
                    public void connected(Peer peer) {
                        events.add("connected " + peer.equals(seen.get()));
                    }

                    @Override
                    public void disconnected(Peer peer) {
                        events.add("disconnected " + peer.equals(seen.get()));
                    }
                })
                .start()) {
            IpcConnection c = IpcClient.builder().transport(transport()).serve(TestProtocols.callback())
                    .connect(listening.endpoint());
            assertThat(events.poll(2, TimeUnit.SECONDS)).isEqualTo("connected false");
            assertThat(await(c.call(TestProtocols.TWICE, 4L, CallOptions.DEFAULT))).isEqualTo(8L);
            assertThat(listening.peers()).containsExactly(seen.get());
            assertThat(await(listening.peers().get(0).call(TestProtocols.SHOUT, "push", CallOptions.DEFAULT)))
                    .isEqualTo("PUSH");
            c.close();
            assertThat(events.poll(2, TimeUnit.SECONDS)).isEqualTo("disconnected true");
            c.closeFuture().get(2, TimeUnit.SECONDS);
        }
    }

    @Test
    void clientOfAServerThatWentAway_stopsItsEventLoop() throws Exception {
        IpcConnection c = connect();
        server.close();
        c.closeFuture().get(2, TimeUnit.SECONDS);
        assertThat(c.isOpen()).isFalse();
    }

    @Test
    void callTimeout_failsLocallyWithDeadlineExceeded() throws Exception {
        IpcConnection c = connect();
        IpcException e = failure(c.call(TestProtocols.SLEEP, 1500L, CallOptions.DEFAULT.withTimeout(Duration.ofMillis(50))));
        assertThat(e.code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
        // The caller's own deadline and the callee's (DEADLINE_EXCEEDED answered) race; both are right.
        assertThat(e.detail()).isIn("no answer within 50 ms", "no answer within the caller's timeout of 50000 microseconds");
        assertThat(await(c.call(TestProtocols.ECHO, "after", CallOptions.DEFAULT))).isEqualTo("after");
    }

    @Test
    void serverClosing_letsCallsInFlightFinishWithinTheGracePeriod() throws Exception {
        IpcConnection c = connect();
        CompletableFuture<Long> pending = c.call(TestProtocols.SLEEP, 50L, CallOptions.DEFAULT);
        await(c.call(TestProtocols.ECHO, "in flight now", CallOptions.DEFAULT));
        server.close();
        assertThat(await(pending)).isEqualTo(50L);
        assertThat(server.connectionCount()).isZero();
        IpcException after = failure(c.call(TestProtocols.ECHO, "x", CallOptions.DEFAULT));
        assertThat(after.code()).isIn(ErrorCode.CONNECTION_CLOSED, ErrorCode.UNAVAILABLE);
    }

    @Test
    void serverClosing_failsCallsStillPendingAtTheEndOfTheGracePeriod() throws Exception {
        IpcConnection c = connect();
        CompletableFuture<Long> pending = c.call(TestProtocols.SLEEP, 1500L, CallOptions.DEFAULT);
        await(c.call(TestProtocols.ECHO, "in flight now", CallOptions.DEFAULT));
        long start = System.nanoTime();
        server.close();
        IpcException e = failure(pending);
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.MILLISECONDS.toNanos(1400));
        assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_CLOSED);
        assertThat(e).hasMessage("calc.sleep on " + endpoint + " failed: CONNECTION_CLOSED: "
                + "connection closed by the peer (GOAWAY: the server is closing)");
        IpcException after = failure(c.call(TestProtocols.ECHO, "x", CallOptions.DEFAULT));
        assertThat(after.code()).isEqualTo(ErrorCode.CONNECTION_CLOSED);
    }

    @Test
    void clientClosing_failsItsPendingCalls() throws Exception {
        IpcConnection c = connect();
        CompletableFuture<Long> pending = c.call(TestProtocols.SLEEP, 1500L, CallOptions.DEFAULT);
        c.close();
        IpcException e = failure(pending);
        assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_CLOSED);
        assertThat(e.detail()).isEqualTo("connection closed by this end");
        assertThat(c.isOpen()).isFalse();
    }

    @Test
    void requestLargerThanThePeersMaximum_failsLocally() throws Exception {
        IpcConnection c = connect();
        String big = "x".repeat(Frames16M.LENGTH);
        IpcException e = failure(c.call(TestProtocols.ECHO, big, CallOptions.DEFAULT));
        assertThat(e.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
        assertThat(e.detail()).contains("exceeds the peer's maximum frame length of 16777216");
    }

    /** A string one byte too long for a 16 MiB frame once headers are added. */
    private static final class Frames16M {
        static final int LENGTH = 16 * 1024 * 1024;
    }

    @Test
    void secondServerOnALiveSocket_isRefused() {
        org.junit.jupiter.api.Assumptions.assumeTrue(unix());
        assertThatThrownBy(() -> IpcServer.builder().listen(endpoint).transport(transport()).start())
                .isInstanceOf(IpcException.class)
                .hasMessage("cannot listen on " + endpoint + ": another server is listening on socket file " + endpoint.path())
                .extracting(t -> ((IpcException) t).code()).isEqualTo(ErrorCode.LISTEN_FAILED);
    }
}
