package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.runtime.codec.Codecs;
import dev.ipcgen.runtime.testing.SocketDirs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link IpcServer#close()} called from inside a handler running on a handler executor of the
 * user's own (one thread, so a blocked handler would starve every other call): it returns at once,
 * the handler's own answer and the answers of calls queued behind it still go out during the grace
 * period, and the server then closes without waiting out the grace period.
 */
class CloseFromHandlerTest {

    /** Closes the server, then answers "bye". */
    static final MethodDescriptor<String, String> STOP = MethodDescriptor.unary("stop", 1, "stop", 0, Codecs.STRING, Codecs.STRING);
    /** Closes the server; one-way. */
    static final MethodDescriptor<String, Void> STOP_QUIETLY = MethodDescriptor.oneWay("stop", 1, "stop_quietly", 1, Codecs.STRING);
    /** Answers its request once {@link #release} opens. */
    static final MethodDescriptor<String, String> ECHO = MethodDescriptor.unary("stop", 1, "echo", 2, Codecs.STRING, Codecs.STRING);
    /** Answers "bye" from another thread, which first calls {@link IpcServer#closeAsync()}. */
    static final MethodDescriptor<String, String> STOP_LATER =
            MethodDescriptor.unary("stop", 1, "stop_later", 3, Codecs.STRING, Codecs.STRING);
    static final ProtocolDescriptor STOP_PROTOCOL = ProtocolDescriptor.of("stop", 1, 0,
            List.of(STOP, STOP_QUIETLY, ECHO, STOP_LATER));

    /** Longer than any wait below: a close that waited it out would fail the test. */
    private static final Duration GRACE = Duration.ofSeconds(8);

    private final Path dir = SocketDirs.create();
    private final ExecutorService handlerThread = Executors.newSingleThreadExecutor();
    /** A thread of the application's, not the runtime's. */
    private final ExecutorService appThread = Executors.newSingleThreadExecutor();
    /** What {@code closeAsync()} returned in {@code stop_later}. */
    private final CompletableFuture<CompletableFuture<Void>> closing = new CompletableFuture<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private IpcServer server;

    @AfterEach
    void cleanUp() {
        if (server != null) {
            server.closeAsync();
        }
        release.countDown();
        handlerThread.shutdownNow();
        appThread.shutdownNow();
        SocketDirs.delete(dir);
    }

    private IpcServer start() {
        Service service = Service.builder(STOP_PROTOCOL)
                .unary(STOP, (r, ctx) -> {
                    server.close();
                    return "bye";
                })
                .oneWay(STOP_QUIETLY, (r, ctx) -> server.close())
                .unary(ECHO, (r, ctx) -> r)
                .unaryAsync(STOP_LATER, (r, ctx) -> CompletableFuture.supplyAsync(() -> {
                    closing.complete(server.closeAsync());
                    return "bye";
                }, appThread))
                .build();
        server = IpcServer.builder().listen(Endpoint.unix(dir.resolve("s.sock"))).serve(service)
                .handlerExecutor(handlerThread).shutdownGracePeriod(GRACE).start();
        return server;
    }

    @Test
    void closeFromAHandler_onItsOwnExecutor_stillDeliversThatHandlersAnswer() throws Exception {
        start();
        try (IpcConnection client = IpcClient.connect(server.endpoint())) {
            assertThat(client.call(STOP, "x", CallOptions.DEFAULT).get(3, TimeUnit.SECONDS)).isEqualTo("bye");
            // With nothing left in flight the server closes at once, not after the grace period.
            server.closeFuture().get(3, TimeUnit.SECONDS);
            assertThat(client.closeFuture()).succeedsWithin(3, TimeUnit.SECONDS);
        }
    }

    @Test
    void closeFromAOneWayHandler_doesNotStarveTheCallsQueuedBehindIt() throws Exception {
        start();
        try (IpcConnection client = IpcClient.connect(server.endpoint())) {
            // Hold the only handler thread so that both messages queue behind it, in this order.
            CompletableFuture<Void> busy = CompletableFuture.runAsync(() -> awaitRelease(), handlerThread);
            client.send(STOP_QUIETLY, "x", CallOptions.DEFAULT).get(3, TimeUnit.SECONDS);
            CompletableFuture<String> queued = client.call(ECHO, "still answered", CallOptions.DEFAULT);
            Thread.sleep(100);
            release.countDown();
            busy.get(3, TimeUnit.SECONDS);
            assertThat(queued.get(3, TimeUnit.SECONDS)).isEqualTo("still answered");
            server.closeFuture().get(3, TimeUnit.SECONDS);
        }
    }

    @Test
    void closeAsync_fromAThreadAnAsyncHandlerWaitsFor_returnsAtOnce_andCloseThenWaitsForIt() throws Exception {
        start();
        try (IpcConnection client = IpcClient.connect(server.endpoint())) {
            assertThat(client.call(STOP_LATER, "x", CallOptions.DEFAULT).get(3, TimeUnit.SECONDS)).isEqualTo("bye");
            assertThat(closing.get(1, TimeUnit.SECONDS)).isSameAs(server.closeFuture());
            server.close();
            assertThat(server.closeFuture()).isDone();
            assertThat(server.closeAsync()).isSameAs(server.closeFuture());
        }
    }

    private void awaitRelease() {
        try {
            release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
