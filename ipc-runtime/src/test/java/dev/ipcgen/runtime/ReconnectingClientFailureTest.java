package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ipcgen.runtime.security.AuthorizationDecision;
import dev.ipcgen.runtime.security.TlsSettings;
import dev.ipcgen.runtime.testing.SocketDirs;
import dev.ipcgen.runtime.testing.TestFrames;
import io.netty.buffer.ByteBuf;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a reconnecting client must not treat as an ordinary outage, against real peers on a Unix
 * socket: a client configuration that can never connect, an interceptor's UNAVAILABLE on an open
 * connection, a peer that does not read while waiting calls drain, and a refusal (UNAUTHORIZED).
 */
class ReconnectingClientFailureTest {

    private final Path dir = SocketDirs.create();
    private final Endpoint endpoint = Endpoint.unix(dir.resolve("s.sock"));
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
    void aClientConfigurationThatCanNeverConnect_failsStart_insteadOfBeingRetried() throws Exception {
        Throwable idle = catchThrowable(() -> client = fastClient()
                .client(IpcClient.builder().keepalive(Duration.ofSeconds(1)).idleTimeout(Duration.ofSeconds(1)))
                .start());
        assertThat(idle).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("idleTimeout 1000 ms must be longer than keepalive 1000 ms, or a live peer is closed"
                        + " before it can answer a PING");

        Throwable tls = catchThrowable(() -> client = fastClient()
                .client(IpcClient.builder().tls(TlsSettings.builder().verifyHostname(false).build()))
                .start());
        assertThat(tls).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TLS is for TCP endpoints, and " + endpoint + " is a Unix socket");
        assertThat(client).isNull();
        assertThat(events.next(100)).as("no attempt was made").isNull();
    }

    @Test
    void aClientInterceptorRejectingWithUnavailable_failsTheCall_withoutReconnectingOrLeakingConnections() throws Exception {
        ClientInterceptor maintenance = new ClientInterceptor() {
            @Override
            public Rejection onCall(MethodDescriptor<?, ?> method, CallOptions options, Peer peer) {
                return method == TestProtocols.ECHO ? Rejection.of(ErrorCode.UNAVAILABLE, "echo is down for maintenance")
                        : null;
            }
        };
        client = fastClient().client(IpcClient.builder().clientInterceptor(maintenance)).start();
        CompletableFuture<String> waiting = client.call(TestProtocols.ECHO, "early", CallOptions.DEFAULT);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger open = new AtomicInteger();
        servers.add(IpcServer.builder().listen(endpoint).serve(TestProtocols.calc(logged))
                .connectionListener(new ConnectionListener() {
                    @Override
                    public void connected(Peer peer) {
                        accepted.incrementAndGet();
                        open.incrementAndGet();
                    }

                    @Override
                    public void disconnected(Peer peer) {
                        open.decrementAndGet();
                    }
                })
                .start());

        IpcException first = failure(waiting);
        assertThat(first.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(first.detail()).isEqualTo("echo is down for maintenance");
        IpcConnection connection = client.connection().orElseThrow();
        for (int i = 0; i < 20; i++) {
            IpcException e = failure(client.call(TestProtocols.ECHO, "x", CallOptions.DEFAULT));
            assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(e.detail()).isEqualTo("echo is down for maintenance");
        }
        assertThat(client.call(TestProtocols.ADD, new TestProtocols.Add(2, 3), CallOptions.DEFAULT).get(5, TimeUnit.SECONDS))
                .isEqualTo(5L);
        Thread.sleep(200);
        assertThat(client.connection()).as("still the first connection").containsSame(connection);
        assertThat(accepted.get()).as("connections the server accepted").isEqualTo(1);
        assertThat(open.get()).isEqualTo(1);
        assertThat(events.drain()).filteredOn(e -> !e.startsWith("failed ")).containsExactly("connected");
    }

    @Test
    void waitingCallsBlockedByAPeerThatDoesNotRead_holdUpNeitherTheListenerNorTheClient() throws Exception {
        client = fastClient().client(IpcClient.builder().writePolicy(WritePolicy.WAIT)
                .writeBufferWaterMarks(16 * 1024, 64 * 1024).maxWriteWait(Duration.ofSeconds(5))).start();
        String body = "x".repeat(64 * 1024);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            sends.add(client.send(TestProtocols.LOG, body, CallOptions.DEFAULT));
        }
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listener.bind(UnixDomainSocketAddress.of(endpoint.path()));
            try (SocketChannel peer = listener.accept()) {
                ByteBuf hello = TestFrames.hello(0x31435049L, 1, 16 * 1024 * 1024, TestProtocols.CALC.id(), "calc", 1, 0L);
                try {
                    ByteBuffer b = hello.nioBuffer();
                    while (b.hasRemaining()) {
                        peer.write(b);
                    }
                } finally {
                    hello.release();
                }
                String connected;
                do {
                    connected = events.next(1000);
                } while (connected != null && connected.startsWith("failed "));
                assertThat(connected).as("the listener heard of the connection while the drain is blocked")
                        .isEqualTo("connected");
                assertThat(sends.get(sends.size() - 1)).as("the last message is still blocked behind the first").isNotDone();
                long started = System.nanoTime();
                client.close();
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2000);
                IpcException last = failure(sends.get(sends.size() - 1));
                assertThat(last.code()).isIn(ErrorCode.CONNECTION_CLOSED);
            }
        }
    }

    @Test
    void aRefusedConnection_failsWaitingAndNewCallsUnauthorizedAtOnce_andRetriesUntilAdmitted() throws Exception {
        AtomicBoolean admit = new AtomicBoolean();
        servers.add(IpcServer.builder().listen(endpoint).serve(TestProtocols.calc(logged))
                .authorizer(request -> admit.get() ? AuthorizationDecision.allow() : AuthorizationDecision.deny("not yet"))
                .start());
        for (ReconnectingClient.WhileDisconnected mode : ReconnectingClient.WhileDisconnected.values()) {
            events.drain();
            client = fastClient().whileDisconnected(mode).maxWait(Duration.ofSeconds(30)).start();
            if (mode == ReconnectingClient.WhileDisconnected.FAIL_FAST) {
                // Before the first attempt ends such a call fails UNAVAILABLE: nothing is known yet.
                events.await("failed 1 UNAUTHORIZED");
            }
            CompletableFuture<String> waiting = client.call(TestProtocols.ECHO, "early", CallOptions.DEFAULT);
            long started = System.nanoTime();
            IpcException first = failure(waiting);
            assertThat(first.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(3000);
            events.await("failed 2 UNAUTHORIZED");
            IpcException later = failure(client.call(TestProtocols.ECHO, "later", CallOptions.DEFAULT));
            assertThat(later.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
            assertThat(later).hasMessage("calc.echo on " + endpoint + " failed: UNAUTHORIZED (11): not connected: "
                    + endpoint + " refused the connection: UNAUTHORIZED (11): not yet (still retrying)");

            admit.set(true);
            assertThat(client.awaitConnected(Duration.ofSeconds(5))).as("attempts went on").isTrue();
            assertThat(client.call(TestProtocols.ECHO, "admitted", CallOptions.DEFAULT).get(5, TimeUnit.SECONDS))
                    .isEqualTo("admitted");
            client.close();
            admit.set(false);
        }
    }
}
