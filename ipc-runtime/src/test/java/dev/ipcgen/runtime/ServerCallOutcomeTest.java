package dev.ipcgen.runtime;

import static dev.ipcgen.runtime.AbstractTransportTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.runtime.testing.SocketDirs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Calls a server ends without its handler, over a real Unix socket: each is answered (or its one-way
 * message dropped and counted), frees its slot, and is reported to the interceptors exactly once.
 */
class ServerCallOutcomeTest {

    /** One {@code onComplete}, as the interceptor saw it. */
    record Seen(String call, ErrorCode outcome) {
    }

    private final Path dir = SocketDirs.create();
    private final Queue<String> logged = new ConcurrentLinkedQueue<>();
    private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private IpcServer server;

    /** Throws an {@link Error} in {@code onCall} for calc.echo and calc.log; records every outcome. */
    private final ServerInterceptor throwsError = new ServerInterceptor() {
        @Override
        public Rejection onCall(CallContext call) {
            if (call.method() == TestProtocols.ECHO || call.method() == TestProtocols.LOG) {
                throw new AssertionError("interceptor broke with an Error on purpose");
            }
            return null;
        }

        @Override
        public void onComplete(CallContext call, ErrorCode outcome, long durationNanos) {
            seen.add(new Seen(call.method().fullName(), outcome));
        }
    };

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        pool.shutdownNow();
        SocketDirs.delete(dir);
    }

    private Seen next() throws InterruptedException {
        Seen s = seen.poll(2, TimeUnit.SECONDS);
        assertThat(s).as("an onComplete").isNotNull();
        return s;
    }

    @Test
    void interceptorThrowingAnError_answersHandlerError_freesTheSlot_andReportsOnce() throws Exception {
        server = IpcServer.builder().listen(Endpoint.unix(dir.resolve("s.sock")))
                .serve(TestProtocols.calc(logged))
                .handlerExecutor(pool)
                .maxConcurrentCalls(1)
                .serverInterceptor(throwsError)
                .shutdownGracePeriod(Duration.ZERO)
                .start();
        try (IpcConnection c = IpcClient.connect(server.endpoint())) {
            for (int i = 0; i < 2; i++) {
                IpcException e = failure(c.call(TestProtocols.ECHO, "hi", CallOptions.DEFAULT));
                assertThat(e.code()).isEqualTo(ErrorCode.HANDLER_ERROR);
                assertThat(e.detail()).isEqualTo("a server interceptor failed: interceptor broke with an Error on purpose");
                assertThat(next()).isEqualTo(new Seen("calc.echo", ErrorCode.HANDLER_ERROR));
            }
            assertThat(c.call(TestProtocols.ADD, new TestProtocols.Add(2, 3), CallOptions.DEFAULT).get(2, TimeUnit.SECONDS))
                    .as("the rejected calls left the only slot free").isEqualTo(5L);
            assertThat(next()).isEqualTo(new Seen("calc.add", null));

            c.send(TestProtocols.LOG, "x", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS);
            assertThat(next()).isEqualTo(new Seen("calc.log", ErrorCode.HANDLER_ERROR));
            assertThat(server.stats().droppedOneWays()).isEqualTo(1);
            assertThat(c.call(TestProtocols.ADD, new TestProtocols.Add(1, 1), CallOptions.DEFAULT).get(2, TimeUnit.SECONDS))
                    .isEqualTo(2L);
            assertThat(next()).isEqualTo(new Seen("calc.add", null));
        }
        assertThat(seen.poll(100, TimeUnit.MILLISECONDS)).as("each call reported once").isNull();
        assertThat(logged).isEmpty();
    }

    @Test
    void callRefusedByTheHandlerExecutor_isAnsweredUnavailable_andReportedOnce() throws Exception {
        AtomicBoolean refuse = new AtomicBoolean();
        Executor refusing = task -> {
            if (refuse.get()) {
                throw new RejectedExecutionException("full on purpose");
            }
            pool.execute(task);
        };
        ServerInterceptor recorder = new ServerInterceptor() {
            @Override
            public void onComplete(CallContext call, ErrorCode outcome, long durationNanos) {
                seen.add(new Seen(call.method().fullName(), outcome));
            }
        };
        server = IpcServer.builder().listen(Endpoint.unix(dir.resolve("s.sock")))
                .serve(TestProtocols.calc(logged))
                .handlerExecutor(refusing)
                .maxConcurrentCalls(1)
                .serverInterceptor(recorder)
                .shutdownGracePeriod(Duration.ZERO)
                .start();
        try (IpcConnection c = IpcClient.connect(server.endpoint())) {
            refuse.set(true);
            IpcException e = failure(c.call(TestProtocols.ECHO, "hi", CallOptions.DEFAULT.withTimeout(Duration.ofMillis(50))));
            assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(next()).isEqualTo(new Seen("calc.echo", ErrorCode.UNAVAILABLE));
            c.send(TestProtocols.LOG, "x", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS);
            assertThat(next()).isEqualTo(new Seen("calc.log", ErrorCode.UNAVAILABLE));
            assertThat(server.stats().droppedOneWays()).isEqualTo(1);
            Thread.sleep(100);

            refuse.set(false);
            assertThat(c.call(TestProtocols.ECHO, "again", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS)).isEqualTo("again");
            assertThat(next()).as("no late DEADLINE_EXCEEDED from the refused call's timer")
                    .isEqualTo(new Seen("calc.echo", null));
        }
        assertThat(seen.poll(100, TimeUnit.MILLISECONDS)).as("each call reported once").isNull();
        assertThat(logged).isEmpty();
    }
}
