package dev.ipcgen.runtime;

import static dev.ipcgen.runtime.AbstractTransportTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.runtime.codec.Codecs;
import dev.ipcgen.runtime.testing.SocketDirs;
import dev.ipcgen.runtime.testing.TestFrames;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** No failure leaves a caller's future incomplete: null answers, handlers that never finish. */
class ErrorPathsTest {

    static final MethodDescriptor<String, String> NOTHING =
            MethodDescriptor.unary("errs", 1, "nothing", 0, Codecs.STRING, Codecs.STRING);
    static final MethodDescriptor<String, String> BLOCK =
            MethodDescriptor.unary("errs", 1, "block", 1, Codecs.STRING, Codecs.STRING);
    static final MethodDescriptor<String, String> HANG =
            MethodDescriptor.unary("errs", 1, "hang", 2, Codecs.STRING, Codecs.STRING);
    static final ProtocolDescriptor ERRS = ProtocolDescriptor.of("errs", 1, 0, List.of(NOTHING, BLOCK, HANG));

    private final Path dir = SocketDirs.create();
    private final CountDownLatch release = new CountDownLatch(1);
    private IpcServer server;
    private IpcConnection client;

    @BeforeEach
    void start() {
        Service errs = Service.builder(ERRS)
                .unary(NOTHING, (r, ctx) -> null)
                .unary(BLOCK, (r, ctx) -> {
                    release.await();
                    return r;
                })
                .unaryAsync(HANG, (r, ctx) -> new CompletableFuture<>())
                .build();
        server = IpcServer.builder().listen(Endpoint.unix(dir.resolve("s.sock"))).serve(errs)
                .shutdownGracePeriod(Duration.ZERO).start();
        client = IpcClient.connect(server.endpoint());
    }

    @AfterEach
    void stop() {
        release.countDown();
        client.close();
        server.close();
        SocketDirs.delete(dir);
    }

    @Test
    void handlerReturningNull_isHandlerError() {
        IpcException e = failure(client.call(NOTHING, "x", CallOptions.DEFAULT));
        assertThat(e.code()).isEqualTo(ErrorCode.HANDLER_ERROR);
        assertThat(e.detail()).isEqualTo("the errs.nothing handler returned null");
    }

    @Test
    void handlerBlockingForever_isEndedByTheCallersDeadline() {
        IpcException e = failure(client.call(BLOCK, "x", CallOptions.DEFAULT.withTimeout(Duration.ofMillis(100))));
        assertThat(e.code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
        assertThat(e.peer()).isEqualTo(server.endpoint().toString());
    }

    @Test
    void asyncHandlerWhoseStageNeverCompletes_isEndedByTheCallersDeadline() {
        IpcException e = failure(client.call(HANG, "x", CallOptions.DEFAULT.withTimeout(Duration.ofMillis(100))));
        assertThat(e.code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
    }

    @Test
    void peerBreakingTheWireFormat_isCountedAsAProtocolError() throws Exception {
        assertThat(server.stats().protocolErrors()).isZero();
        try (SocketChannel raw = SocketChannel.open(UnixDomainSocketAddress.of(server.endpoint().path()))) {
            // A first frame of an unknown kind instead of HELLO.
            raw.write(ByteBuffer.wrap(new TestFrames.Body().u32(16).u8(12)
                    .u8(0).u16(0).u32(0).u64(0).bytes()));
            ByteBuffer in = ByteBuffer.allocate(4096);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (raw.read(in) >= 0 && System.nanoTime() < deadline) {
                // Read the server's HELLO and ERROR until it closes.
            }
        }
        assertThat(server.stats().protocolErrors()).isEqualTo(1);
        assertThat(server.stats()).hasToString("IpcStats[droppedAnswers=0, droppedOneWays=0, protocolErrors=1]");
        assertThat(failure(client.call(NOTHING, "x", CallOptions.DEFAULT)).code())
                .as("other connections are still served").isEqualTo(ErrorCode.HANDLER_ERROR);
    }
}
