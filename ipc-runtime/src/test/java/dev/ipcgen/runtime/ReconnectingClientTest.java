package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ipcgen.runtime.codec.Codecs;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A reconnecting client against real servers on a Unix socket that come, go and come back: calls
 * wait or fail fast while there is no server, go through again once it is back, attempts follow
 * the backoff, and closing ends every wait.
 */
class ReconnectingClientTest {

    /** Answers the time left of the call in microseconds, or -1 without a deadline. */
    static final MethodDescriptor<String, Long> LEFT = MethodDescriptor.unary("rc", 1, "left", 0, Codecs.STRING, Codecs.I64);
    static final ProtocolDescriptor RC = ProtocolDescriptor.of("rc", 1, 0, List.of(LEFT));

    private final Path dir = SocketDirs.create();
    private final Path socket = dir.resolve("s.sock");
    private final Endpoint endpoint = Endpoint.unix(socket);
    private final Queue<String> logged = new ConcurrentLinkedQueue<>();
    private final ReconnectEvents events = new ReconnectEvents();
    private final List<IpcServer> servers = new ArrayList<>();
    private ReconnectingClient client;

    @AfterEach
    void cleanUp() {
        if (client != null) {
            client.close();
        }
        servers.forEach(IpcServer::close);
        SocketDirs.delete(dir);
    }

    private IpcServer startServer() {
        IpcServer server = IpcServer.builder()
                .listen(endpoint)
                .serve(TestProtocols.calc(logged))
                .serve(Service.builder(RC)
                        .unary(LEFT, (r, ctx) -> ctx.timeRemaining().map(d -> d.toNanos() / 1000).orElse(-1L))
                        .build())
                .shutdownGracePeriod(Duration.ofSeconds(3))
                .start();
        servers.add(server);
        return server;
    }

    private ReconnectingClient.Builder fastClient() {
        return ReconnectingClient.builder(endpoint)
                .initialBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(50))
                .listener(events);
    }

    private static IpcException failure(CompletableFuture<?> f) {
        Throwable t = catchThrowable(() -> f.get(5, TimeUnit.SECONDS));
        assertThat(t).isInstanceOf(ExecutionException.class).cause().isInstanceOf(IpcException.class);
        return (IpcException) t.getCause();
    }

    @Test
    void serverStartedAfterTheClient_aWaitingCallGoesThroughOnceItIsUp_withWhatIsLeftOfItsTimeout() throws Exception {
        client = fastClient().maxWait(Duration.ofSeconds(3)).start();
        CompletableFuture<Long> left = client.call(LEFT, "x", CallOptions.DEFAULT.withTimeout(Duration.ofSeconds(2)));
        CompletableFuture<Long> leftPastMaxWait = client.call(LEFT, "y", CallOptions.DEFAULT.withTimeout(Duration.ofSeconds(5)));
        CompletableFuture<String> echo = client.call(TestProtocols.ECHO, "early", CallOptions.DEFAULT);
        events.await("failed 2 CONNECT_FAILED");
        Thread.sleep(200);
        assertThat(left).isNotDone();
        assertThat(echo).isNotDone();
        assertThat(client.isConnected()).isFalse();

        startServer();

        assertThat(echo.get(5, TimeUnit.SECONDS)).isEqualTo("early");
        // The wait counted against the call's own timeout; what is left went to the server.
        assertThat(left.get(5, TimeUnit.SECONDS)).isPositive().isLessThan(1_800_000L);
        assertThat(leftPastMaxWait.get(5, TimeUnit.SECONDS)).isGreaterThan(2_000_000L).isLessThan(4_800_000L);
        assertThat(client.isConnected()).isTrue();
        assertThat(client.connection().orElseThrow().remoteProtocols()).hasSize(2);
        assertThat(client.call(TestProtocols.ADD, new TestProtocols.Add(2, 3), CallOptions.DEFAULT)
                .get(5, TimeUnit.SECONDS)).isEqualTo(5L);
    }

    @Test
    void serverRestartedAtTheSamePath_callsFailFastWhileItIsDown_andGoThroughWhenItIsBack() throws Exception {
        IpcServer first = startServer();
        client = fastClient().whileDisconnected(ReconnectingClient.WhileDisconnected.FAIL_FAST).start();
        assertThat(client.awaitConnected(Duration.ofSeconds(5))).isTrue();
        assertThat(client.call(TestProtocols.ECHO, "one", CallOptions.DEFAULT).get(5, TimeUnit.SECONDS)).isEqualTo("one");

        first.close();
        events.await("disconnected");
        events.await("failed 1 CONNECT_FAILED");
        CompletableFuture<String> down = client.call(TestProtocols.ECHO, "two", CallOptions.DEFAULT);
        assertThat(down).isCompletedExceptionally();
        IpcException e = failure(down);
        assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(e.peer()).isEqualTo("unix:" + socket);
        assertThat(e).hasMessageStartingWith("calc.echo on unix:" + socket
                + " failed: UNAVAILABLE (7): not connected, reconnecting (attempt ")
                .hasMessageContaining("failed: no server at unix:" + socket)
                .hasMessageContaining("; next attempt in ");
        CompletableFuture<Void> logDown = client.send(TestProtocols.LOG, "lost", CallOptions.DEFAULT);
        assertThat(failure(logDown).code()).isEqualTo(ErrorCode.UNAVAILABLE);

        startServer();
        assertThat(client.awaitConnected(Duration.ofSeconds(5))).isTrue();
        assertThat(client.call(TestProtocols.ECHO, "three", CallOptions.DEFAULT).get(5, TimeUnit.SECONDS)).isEqualTo("three");
        client.send(TestProtocols.LOG, "back", CallOptions.DEFAULT).get(5, TimeUnit.SECONDS);
        awaitLogged("back");
        assertThat(logged).containsExactly("back");
    }

    @Test
    void serverClosingWithACallInFlight_theCallFinishes_whileNewCallsAreTreatedAsDisconnected() throws Exception {
        IpcServer server = startServer();
        client = fastClient().whileDisconnected(ReconnectingClient.WhileDisconnected.FAIL_FAST).start();
        assertThat(client.awaitConnected(Duration.ofSeconds(5))).isTrue();
        CompletableFuture<Long> inFlight = client.call(TestProtocols.SLEEP, 1000L, CallOptions.DEFAULT);
        Thread.sleep(100);
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);

        // Once the server's GOAWAY is in, the connection refuses new calls: the client stops using it.
        IpcException refused = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (refused == null && System.nanoTime() < deadline) {
            CompletableFuture<String> f = client.call(TestProtocols.ECHO, "x", CallOptions.DEFAULT);
            Throwable t = catchThrowable(() -> f.get(2, TimeUnit.SECONDS));
            if (t != null && t.getCause() instanceof IpcException ipc && ipc.getMessage().contains("reconnecting")) {
                refused = ipc;
            }
            Thread.sleep(5);
        }
        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(refused).hasMessageContaining("not connected, reconnecting (");
        assertThat(inFlight.get(5, TimeUnit.SECONDS)).isEqualTo(1000L);
        closing.get(5, TimeUnit.SECONDS);
    }

    @Test
    void attemptsFollowTheBackoff_growingToTheMaximumAndNoFurther() throws Exception {
        // Written by the reconnect thread before each count down; read after the last one.
        List<Long> delaysMillis = new ArrayList<>();
        List<Long> failedAt = new ArrayList<>();
        List<String> attempts = new ArrayList<>();
        CountDownLatch sixFailures = new CountDownLatch(6);
        client = ReconnectingClient.builder(endpoint)
                .initialBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(40))
                .backoffMultiplier(2)
                .backoffJitter(0)
                .listener(new ReconnectingListener() {
                    @Override
                    public void connectFailed(int attempt, IpcException error, Duration nextAttemptIn) {
                        if (delaysMillis.size() < 6) {
                            failedAt.add(System.nanoTime());
                            delaysMillis.add(nextAttemptIn.toMillis());
                            attempts.add(attempt + " " + error.code());
                            sixFailures.countDown();
                        }
                    }
                })
                .start();
        assertThat(sixFailures.await(5, TimeUnit.SECONDS)).isTrue();
        client.close();

        assertThat(attempts).containsExactly("1 CONNECT_FAILED", "2 CONNECT_FAILED", "3 CONNECT_FAILED",
                "4 CONNECT_FAILED", "5 CONNECT_FAILED", "6 CONNECT_FAILED");
        assertThat(delaysMillis).containsExactly(10L, 20L, 40L, 40L, 40L, 40L);
        for (int i = 1; i < failedAt.size(); i++) {
            long gapMillis = TimeUnit.NANOSECONDS.toMillis(failedAt.get(i) - failedAt.get(i - 1));
            // Never earlier than planned; how much later depends on the machine, so only loosely bounded.
            assertThat(gapMillis).as("gap before attempt " + (i + 1))
                    .isGreaterThanOrEqualTo(delaysMillis.get(i - 1) - 1).isLessThan(2000);
        }
    }

    @Test
    void closeWhileACallWaits_failsTheCallPromptly_andLaterCallsAtOnce() throws Exception {
        client = fastClient().maxWait(Duration.ofSeconds(30)).start();
        CompletableFuture<String> waiting = client.call(TestProtocols.ECHO, "never", CallOptions.DEFAULT);
        CompletableFuture<Void> waitingSend = client.send(TestProtocols.LOG, "never", CallOptions.DEFAULT);
        events.await("failed 1 CONNECT_FAILED");
        assertThat(waiting).isNotDone();

        long start = System.nanoTime();
        client.close();
        IpcException e = failure(waiting);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
        assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_CLOSED);
        assertThat(e).hasMessage("calc.echo on unix:" + socket
                + " failed: CONNECTION_CLOSED: the reconnecting client was closed while the call waited for a connection");
        assertThat(failure(waitingSend).code()).isEqualTo(ErrorCode.CONNECTION_CLOSED);

        CompletableFuture<String> after = client.call(TestProtocols.ECHO, "late", CallOptions.DEFAULT);
        assertThat(after).isCompletedExceptionally();
        assertThat(failure(after)).hasMessage("calc.echo on unix:" + socket
                + " failed: CONNECTION_CLOSED: the reconnecting client is closed");
        assertThat(client.awaitConnected(Duration.ofSeconds(1))).isFalse();
    }

    @Test
    void closeWhileConnected_failsThePendingCallAndClosesTheConnection() throws Exception {
        startServer();
        client = fastClient().start();
        assertThat(client.awaitConnected(Duration.ofSeconds(5))).isTrue();
        IpcConnection connection = client.connection().orElseThrow();
        CompletableFuture<Long> pending = client.call(TestProtocols.SLEEP, 1000L, CallOptions.DEFAULT);
        client.close();
        assertThat(failure(pending).code()).isEqualTo(ErrorCode.CONNECTION_CLOSED);
        assertThat(connection.isOpen()).isFalse();
        assertThat(client.isConnected()).isFalse();
    }

    @Test
    void waitEndsWithDeadlineExceededOnTheCallsTimeout_andUnavailableOnMaxWait() throws Exception {
        client = fastClient().maxWait(Duration.ofMillis(300)).start();
        long start = System.nanoTime();
        CompletableFuture<String> timed = client.call(TestProtocols.ECHO, "x", CallOptions.DEFAULT.withTimeout(Duration.ofMillis(100)));
        CompletableFuture<String> untimed = client.call(TestProtocols.ECHO, "y", CallOptions.DEFAULT);

        IpcException byTimeout = failure(timed);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(100);
        assertThat(byTimeout.code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
        assertThat(byTimeout).hasMessageStartingWith("calc.echo on unix:" + socket
                + " failed: DEADLINE_EXCEEDED (6): no connection within the call's timeout of 100 ms; reconnecting (attempt ");

        IpcException byMaxWait = failure(untimed);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(300);
        assertThat(byMaxWait.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(byMaxWait).hasMessageStartingWith("calc.echo on unix:" + socket
                + " failed: UNAVAILABLE (7): no connection within 300 ms (maxWait); reconnecting (");
    }

    @Test
    void afterMaxAttemptsTheClientGivesUp_andEveryCallFailsUnavailable() throws Exception {
        client = fastClient().maxAttempts(3).start();
        CompletableFuture<String> waiting = client.call(TestProtocols.ECHO, "x", CallOptions.DEFAULT);
        events.await("gave up 3");
        assertThat(events.drain()).isEmpty();
        IpcException e = failure(waiting);
        assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(e).hasMessage("calc.echo on unix:" + socket + " failed: UNAVAILABLE (7): not connected: gave up after"
                + " 3 failed attempts (last: no server at unix:" + socket + ": no such socket file)");
        assertThat(failure(client.call(TestProtocols.ECHO, "y", CallOptions.DEFAULT)).code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(client.awaitConnected(Duration.ofSeconds(1))).isFalse();

        startServer();
        Thread.sleep(200);
        assertThat(client.isConnected()).isFalse();
    }

    @Test
    void aCancelledWaitingSendIsNeverSent_andTooManyWaitingCallsAreRefused() throws Exception {
        client = fastClient().maxWaitingCalls(2).start();
        CompletableFuture<Void> cancelled = client.send(TestProtocols.LOG, "cancelled", CallOptions.DEFAULT);
        assertThat(cancelled.cancel(true)).isTrue();
        CompletableFuture<Void> kept = client.send(TestProtocols.LOG, "kept", CallOptions.DEFAULT);
        CompletableFuture<String> second = client.call(TestProtocols.ECHO, "second", CallOptions.DEFAULT);
        CompletableFuture<String> third = client.call(TestProtocols.ECHO, "third", CallOptions.DEFAULT);
        IpcException full = failure(third);
        assertThat(full.code()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED);
        assertThat(full).hasMessage("calc.echo on unix:" + socket + " failed: RESOURCE_EXHAUSTED (8): not connected,"
                + " and 2 calls already wait for a connection (maxWaitingCalls)");

        startServer();
        kept.get(5, TimeUnit.SECONDS);
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("second");
        awaitLogged("kept");
        assertThat(client.call(TestProtocols.ECHO, "sync", CallOptions.DEFAULT).get(5, TimeUnit.SECONDS)).isEqualTo("sync");
        assertThat(logged).containsExactly("kept");
    }

    @Test
    void messagesSentWhileWaitingAndAfterConnecting_reachTheServerInTheOrderTheyWereSent() throws Exception {
        client = fastClient().start();
        int sent = 0;
        while (sent < 100) {
            client.send(TestProtocols.LOG, Integer.toString(sent++), CallOptions.DEFAULT);
        }
        // One handler thread, so the server logs in the order the messages arrive.
        ExecutorService oneThread = Executors.newSingleThreadExecutor();
        try {
            servers.add(IpcServer.builder().listen(endpoint).serve(TestProtocols.calc(logged))
                    .handlerExecutor(oneThread).start());
            // Keep sending while the client connects and drains its queue, then some more.
            while (!client.isConnected() && sent < 2000) {
                client.send(TestProtocols.LOG, Integer.toString(sent++), CallOptions.DEFAULT);
                Thread.sleep(0, 200_000);
            }
            for (int i = 0; i < 100; i++) {
                client.send(TestProtocols.LOG, Integer.toString(sent++), CallOptions.DEFAULT);
            }
            awaitLogged(Integer.toString(sent - 1));
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < sent; i++) {
                expected.add(Integer.toString(i));
            }
            assertThat(logged).containsExactlyElementsOf(expected);
        } finally {
            servers.forEach(IpcServer::close);
            oneThread.shutdown();
        }
    }

    @Test
    void servicesOfTheClientBuilderAreServedOnEveryConnection() throws Exception {
        IpcServer first = startServer();
        client = fastClient().client(IpcClient.builder().serve(TestProtocols.callback())).start();
        assertThat(client.call(TestProtocols.RELAY, "hi", CallOptions.DEFAULT).get(5, TimeUnit.SECONDS)).isEqualTo("relayed HI");

        first.close();
        events.await("disconnected");
        startServer();
        assertThat(client.call(TestProtocols.RELAY, "again", CallOptions.DEFAULT).get(5, TimeUnit.SECONDS))
                .isEqualTo("relayed AGAIN");
    }

    private void awaitLogged(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!logged.contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(logged).contains(text);
    }
}
