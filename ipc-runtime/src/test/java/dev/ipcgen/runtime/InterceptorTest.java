package dev.ipcgen.runtime;

import static dev.ipcgen.runtime.AbstractTransportTest.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ipcgen.runtime.testing.SocketDirs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Client and server interceptors over a real Unix socket: a server interceptor refuses calls
 * without a token, a client interceptor adds it; both see protocol and method, metadata, outcome
 * and duration; a client interceptor refuses locally; interceptors that throw fail one call, not
 * the connection.
 */
class InterceptorTest {

    private static final String TOKEN_KEY = "token";
    private static final Bytes SECRET = Bytes.of("secret".getBytes(StandardCharsets.UTF_8));

    /** One {@code onComplete}, as an interceptor saw it. */
    record Seen(String side, String call, boolean hadToken, ErrorCode outcome, long nanos) {
    }

    private final Path dir = SocketDirs.create();
    private final Queue<String> logged = new ConcurrentLinkedQueue<>();
    private final BlockingQueue<Seen> serverSaw = new LinkedBlockingQueue<>();
    private final BlockingQueue<Seen> clientSaw = new LinkedBlockingQueue<>();
    /** Calls that got past every server interceptor's {@code onCall}, by full name. */
    private final Queue<String> serverLetThrough = new ConcurrentLinkedQueue<>();
    private IpcServer server;

    /** Refuses a call whose metadata lacks the right token. */
    private static final ServerInterceptor AUTH = new ServerInterceptor() {
        @Override
        public Rejection onCall(CallContext call) {
            Bytes token = call.metadata().get(TOKEN_KEY);
            if (token == null) {
                return Rejection.of(ErrorCode.UNAUTHORIZED, "no token for " + call.method().fullName());
            }
            return token.equals(SECRET) ? null : Rejection.of(ErrorCode.UNAUTHORIZED, "wrong token");
        }
    };

    /** Records every call's end; throws in {@code onCall} and {@code onComplete} for calc.add. */
    private final ServerInterceptor serverRecorder = new ServerInterceptor() {
        @Override
        public Rejection onCall(CallContext call) {
            if (call.method() == TestProtocols.ADD) {
                throw new IllegalStateException("recorder broke on purpose");
            }
            serverLetThrough.add(call.method().fullName());
            return null;
        }

        @Override
        public void onComplete(CallContext call, ErrorCode outcome, long durationNanos) {
            serverSaw.add(new Seen("server", call.method().protocolName() + "." + call.method().name(),
                    call.metadata().containsKey(TOKEN_KEY), outcome, durationNanos));
            if (call.method() == TestProtocols.ADD) {
                throw new IllegalStateException("onComplete broke on purpose");
            }
        }
    };

    @BeforeEach
    void start() {
        server = IpcServer.builder().listen(Endpoint.unix(dir.resolve("s.sock")))
                .serve(TestProtocols.calc(logged))
                .serverInterceptor(AUTH)
                .serverInterceptor(serverRecorder)
                .shutdownGracePeriod(Duration.ZERO)
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
        SocketDirs.delete(dir);
    }

    /** A client whose interceptor adds the token (when {@code withToken}) and records outcomes. */
    private IpcConnection client(boolean withToken, ClientInterceptor... more) {
        IpcClient.Builder b = IpcClient.builder().clientInterceptor(new ClientInterceptor() {
            @Override
            public CallOptions options(MethodDescriptor<?, ?> method, CallOptions options, Peer peer) {
                return withToken ? options.withMetadata(TOKEN_KEY, SECRET) : options;
            }

            @Override
            public void onComplete(MethodDescriptor<?, ?> method, CallOptions options, Peer peer, ErrorCode outcome,
                    long durationNanos) {
                clientSaw.add(new Seen("client", method.fullName(), options.metadata().containsKey(TOKEN_KEY),
                        outcome, durationNanos));
            }
        });
        for (ClientInterceptor i : more) {
            b.clientInterceptor(i);
        }
        return b.connect(server.endpoint());
    }

    private static Seen next(BlockingQueue<Seen> q) throws InterruptedException {
        Seen s = q.poll(2, TimeUnit.SECONDS);
        assertThat(s).as("an onComplete").isNotNull();
        return s;
    }

    @Test
    void callWithoutToken_isRefusedUnauthorized_andNeverReachesTheHandler() throws Exception {
        try (IpcConnection c = IpcClient.connect(server.endpoint())) {
            IpcException e = failure(c.call(TestProtocols.ECHO, "hi", CallOptions.DEFAULT));
            assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
            assertThat(e.detail()).isEqualTo("no token for calc.echo");
            assertThat(e).hasMessage("calc.echo on " + server.endpoint() + " failed: UNAUTHORIZED (11): no token for calc.echo");

            IpcException wrong = failure(c.call(TestProtocols.ECHO, "hi",
                    CallOptions.DEFAULT.withMetadata(TOKEN_KEY, Bytes.of((byte) 1))));
            assertThat(wrong.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
            assertThat(wrong.detail()).isEqualTo("wrong token");
        }
        Seen first = next(serverSaw);
        assertThat(first.call()).isEqualTo("calc.echo");
        assertThat(first.hadToken()).isFalse();
        assertThat(first.outcome()).isEqualTo(ErrorCode.UNAUTHORIZED);
        assertThat(next(serverSaw).hadToken()).isTrue();
        assertThat(serverLetThrough).as("the recorder's onCall runs only after AUTH let the call through").isEmpty();
    }

    @Test
    void callWithToken_reachesTheHandler_andBothSidesSeeMethodMetadataOutcomeAndDuration() throws Exception {
        try (IpcConnection c = client(true)) {
            assertThat(c.call(TestProtocols.ECHO, "hi", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS)).isEqualTo("hi");
            IpcException e = failure(c.call(TestProtocols.FAIL, "boom", CallOptions.DEFAULT));
            assertThat(e.code()).isEqualTo(ErrorCode.HANDLER_ERROR);
            assertThat(e.detail()).isEqualTo("boom");
            IpcException late = failure(c.call(TestProtocols.SLEEP, 1000L,
                    CallOptions.DEFAULT.withTimeout(Duration.ofMillis(50))));
            assertThat(late.code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED);

            for (BlockingQueue<Seen> q : List.of(clientSaw, serverSaw)) {
                Seen ok = next(q);
                assertThat(ok.call()).isEqualTo("calc.echo");
                assertThat(ok.hadToken()).isTrue();
                assertThat(ok.outcome()).isNull();
                assertThat(ok.nanos()).isPositive().isLessThan(TimeUnit.SECONDS.toNanos(2));
                Seen failed = next(q);
                assertThat(failed.call()).isEqualTo("calc.fail");
                assertThat(failed.outcome()).isEqualTo(ErrorCode.HANDLER_ERROR);
                assertThat(failed.nanos()).isPositive();
                Seen expired = next(q);
                assertThat(expired.call()).isEqualTo("calc.sleep");
                // The callee's timer and the caller's CANCEL race: either ends the served call.
                assertThat(expired.outcome()).isIn(q == clientSaw ? List.of(ErrorCode.DEADLINE_EXCEEDED)
                        : List.of(ErrorCode.DEADLINE_EXCEEDED, ErrorCode.CANCELLED));
                assertThat(expired.nanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(40));
            }
            assertThat(serverLetThrough).containsExactly("calc.echo", "calc.fail", "calc.sleep");
        }
    }

    @Test
    void clientInterceptor_refusesLocally_andNothingIsSent() throws Exception {
        ClientInterceptor noFail = new ClientInterceptor() {
            @Override
            public Rejection onCall(MethodDescriptor<?, ?> method, CallOptions options, Peer peer) {
                return method == TestProtocols.FAIL ? Rejection.of(ErrorCode.UNAUTHORIZED, "fail is not for you") : null;
            }
        };
        try (IpcConnection c = client(true, noFail)) {
            IpcException e = failure(c.call(TestProtocols.FAIL, "x", CallOptions.DEFAULT));
            assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
            assertThat(e.detail()).isEqualTo("fail is not for you");
            Seen refused = next(clientSaw);
            assertThat(refused.call()).isEqualTo("calc.fail");
            assertThat(refused.outcome()).isEqualTo(ErrorCode.UNAUTHORIZED);
            assertThat(refused.hadToken()).isTrue();

            assertThat(c.call(TestProtocols.ECHO, "after", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS)).isEqualTo("after");
            assertThat(next(serverSaw).call()).as("the refused call never reached the server").isEqualTo("calc.echo");
            assertThat(serverLetThrough).containsExactly("calc.echo");
        }
    }

    @Test
    void oneWayWithoutToken_isDroppedAndCounted_withToken_isServed() throws Exception {
        try (IpcConnection without = client(false); IpcConnection with = client(true)) {
            without.send(TestProtocols.LOG, "anonymous", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS);
            Seen dropped = next(serverSaw);
            assertThat(dropped.call()).isEqualTo("calc.log");
            assertThat(dropped.outcome()).isEqualTo(ErrorCode.UNAUTHORIZED);
            assertThat(server.stats().droppedOneWays()).isEqualTo(1);
            Seen sent = next(clientSaw);
            assertThat(sent.outcome()).as("a one-way message succeeds once written").isNull();

            with.send(TestProtocols.LOG, "signed", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS);
            Seen served = next(serverSaw);
            assertThat(served.outcome()).isNull();
            assertThat(served.hadToken()).isTrue();
            assertThat(logged).containsExactly("signed");
        }
    }

    @Test
    void interceptorsThatThrow_failOneCall_notTheConnection() throws Exception {
        ClientInterceptor brokenOnLog = new ClientInterceptor() {
            @Override
            public Rejection onCall(MethodDescriptor<?, ?> method, CallOptions options, Peer peer) {
                if (method == TestProtocols.LOG) {
                    throw new IllegalStateException("client interceptor broke on purpose");
                }
                return null;
            }

            @Override
            public void onComplete(MethodDescriptor<?, ?> method, CallOptions options, Peer peer, ErrorCode outcome,
                    long durationNanos) {
                throw new IllegalStateException("client onComplete broke on purpose");
            }
        };
        try (IpcConnection c = client(true, brokenOnLog)) {
            IpcException server = failure(c.call(TestProtocols.ADD, new TestProtocols.Add(1, 2), CallOptions.DEFAULT));
            assertThat(server.code()).isEqualTo(ErrorCode.HANDLER_ERROR);
            assertThat(server.detail()).isEqualTo("a server interceptor failed: recorder broke on purpose");
            assertThat(next(serverSaw).outcome()).isEqualTo(ErrorCode.HANDLER_ERROR);

            IpcException local = failure(c.send(TestProtocols.LOG, "x", CallOptions.DEFAULT));
            assertThat(local.code()).isEqualTo(ErrorCode.HANDLER_ERROR);
            assertThat(local.detail()).isEqualTo("a client interceptor failed (see the log); nothing was sent");

            assertThat(c.call(TestProtocols.ECHO, "still", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS)).isEqualTo("still");
            assertThat(c.isOpen()).isTrue();
            assertThat(next(clientSaw).outcome()).isEqualTo(ErrorCode.HANDLER_ERROR);
            assertThat(next(clientSaw).outcome()).isEqualTo(ErrorCode.HANDLER_ERROR);
            Seen after = next(clientSaw);
            assertThat(after.call()).isEqualTo("calc.echo");
            assertThat(after.outcome()).isNull();
        }
        assertThat(logged).isEmpty();
    }

    @Test
    void rejection_needsAWireCode() {
        assertThat(catchThrowable(() -> Rejection.of(ErrorCode.CONNECTION_CLOSED, "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a rejection needs a wire code, not CONNECTION_CLOSED");
    }
}
