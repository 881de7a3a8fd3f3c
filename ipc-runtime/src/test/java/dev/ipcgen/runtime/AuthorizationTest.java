package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ipcgen.runtime.security.AuthorizationDecision;
import dev.ipcgen.runtime.security.AuthorizationRequest;
import dev.ipcgen.runtime.security.Authorizer;
import dev.ipcgen.runtime.security.Authorizers;
import dev.ipcgen.runtime.security.PeerCredentials;
import dev.ipcgen.runtime.testing.LogCapture;
import dev.ipcgen.runtime.testing.SocketDirs;
import dev.ipcgen.runtime.testing.TestFrames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server's authorizer, over real Unix sockets: asked once per connection with the peer's real
 * credentials; a refusal is ERROR UNAUTHORIZED (code 11, call id 0) instead of HELLO, seen by the
 * client as {@link ErrorCode#UNAUTHORIZED} with the reason, counted by the server, and leaves other
 * connections alone.
 */
class AuthorizationTest {

    private final long ownUid = PeerCredentials.ofThisProcess().uid().orElseThrow();
    private final Queue<String> logged = new ConcurrentLinkedQueue<>();
    /** What the server logs (Netty logs through JDK logging here, formatted). */
    private final LogCapture capture = LogCapture.of(IpcServer.class.getName());
    private final Queue<String> serverLog = capture.messages();
    private Path dir;
    private IpcServer server;

    @BeforeEach
    void dir() {
        dir = SocketDirs.create();
        capture.start();
    }

    @AfterEach
    void stop() {
        capture.stop();
        if (server != null) {
            server.close();
        }
        SocketDirs.delete(dir);
    }

    private IpcServer start(Authorizer authorizer) {
        server = IpcServer.builder().listen(Endpoint.unix(dir.resolve("s.sock"))).serve(TestProtocols.calc(logged))
                .authorizer(authorizer).ioThreads(1).start();
        return server;
    }

    @Test
    void refusal_isUnauthorized_evenWhenTheCallbackPoolRunsTheCloseBeforeIt() throws Exception {
        start(request -> AuthorizationDecision.deny("nobody today"));
        // Each callback on a thread of its own, the first one late: the refusal, then the close,
        // are handed over in that order, and the close must not overtake the refusal.
        java.util.concurrent.atomic.AtomicInteger tasks = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.Executor outOfOrder = task -> {
            long delay = tasks.getAndIncrement() == 0 ? 200 : 0;
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                task.run();
            }, "out-of-order-callback");
            t.setDaemon(true);
            t.start();
        };
        IpcException refused = catchThrowableOfType(() -> IpcClient.builder().callbackExecutor(outOfOrder)
                .connect(server.endpoint()), IpcException.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
        assertThat(refused.getMessage()).endsWith("refused the connection: UNAUTHORIZED (11): nobody today");
    }

    @Test
    void authorizerSeesThePeersRealUid_onceAndBeforeAnyCall_andAllowsIt() throws Exception {
        List<AuthorizationRequest> asked = new CopyOnWriteArrayList<>();
        start(request -> {
            asked.add(request);
            return request.credentials().uid().orElse(-1) == ownUid
                    ? AuthorizationDecision.allow() : AuthorizationDecision.deny("not my uid");
        });
        try (IpcConnection c = IpcClient.connect(server.endpoint())) {
            for (int i = 0; i < 3; i++) {
                assertThat(c.call(TestProtocols.ADD, new TestProtocols.Add(i, 1), CallOptions.DEFAULT)
                        .get(5, TimeUnit.SECONDS)).isEqualTo(i + 1);
            }
        }
        assertThat(asked).singleElement().satisfies(r -> {
            assertThat(r.credentials().uid()).hasValue(ownUid);
            assertThat(r.credentials().pid()).hasValue(ProcessHandle.current().pid());
            assertThat(r.peerCertificate()).isEmpty();
        });
        assertThat(server.stats().unauthorizedConnections()).isZero();
    }

    @Test
    void uidNotInTheAllowedSet_isRefusedWithUnauthorizedAndTheReason_andOtherConnectionsGoOn() throws Exception {
        AtomicBoolean admitEveryone = new AtomicBoolean(true);
        Authorizer notMe = Authorizers.uidIn(Set.of(ownUid + 1));
        start(request -> admitEveryone.get() ? AuthorizationDecision.allow() : notMe.decide(request));
        try (IpcConnection admitted = IpcClient.connect(server.endpoint())) {
            admitEveryone.set(false);

            long started = System.nanoTime();
            IpcException refused = catchThrowableOfType(() -> IpcClient.connect(server.endpoint()), IpcException.class);
            assertThat(refused.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
            assertThat(refused.getMessage()).contains("peer uid " + ownUid + " is not allowed");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(3000);

            byte[] refusal = rawFirstFrames(server.endpoint().path());
            ByteBuf expected = TestFrames.error(0, 0, 0, 11, "peer uid " + ownUid + " is not allowed");
            try {
                assertThat(TestFrames.hex(Unpooled.wrappedBuffer(refusal))).isEqualTo(TestFrames.hex(expected));
            } finally {
                expected.release();
            }
            assertThat(server.stats().unauthorizedConnections()).isEqualTo(2);
            assertThat(serverLog).hasSize(2).allSatisfy(line -> assertThat(line)
                    .contains("refused the connection of uid=" + ownUid + " gid=")
                    .endsWith(" pid=" + ProcessHandle.current().pid() + ": peer uid " + ownUid + " is not allowed"));

            assertThat(admitted.call(TestProtocols.ADD, new TestProtocols.Add(2, 3), CallOptions.DEFAULT)
                    .get(5, TimeUnit.SECONDS)).isEqualTo(5);
            assertThat(admitted.isOpen()).isTrue();
            assertThat(server.stats().protocolErrors()).isZero();
        }
    }

    /**
     * Connects with a plain socket, sends a HELLO, and returns every byte the server sends until it
     * closes: for a refused connection, exactly one ERROR frame and no HELLO.
     */
    private static byte[] rawFirstFrames(Path socket) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ByteBuf hello = TestFrames.hello();
            try {
                ch.write(hello.nioBuffer());
            } finally {
                hello.release();
            }
            ByteBuffer all = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ch.read(all) >= 0) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the server did not close within 10 s; read "
                            + new String(all.array(), 0, all.position(), StandardCharsets.ISO_8859_1));
                }
            }
            byte[] bytes = new byte[all.position()];
            all.flip().get(bytes);
            return bytes;
        }
    }
}
