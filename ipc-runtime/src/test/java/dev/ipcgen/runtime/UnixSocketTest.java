package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipcgen.runtime.testing.SocketDirs;
import dev.ipcgen.runtime.transport.TransportFamily;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The socket file's life: stale files, live servers, missing servers, long paths. */
class UnixSocketTest {

    private final Path dir = SocketDirs.create();

    @AfterEach
    void cleanUp() {
        SocketDirs.delete(dir);
    }

    /** Leaves a socket file nobody listens on, as a killed server does. */
    private static void leaveStaleSocket(Path path) throws Exception {
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        s.bind(UnixDomainSocketAddress.of(path));
        s.close();
        assertThat(Files.exists(path)).as("the JDK leaves the socket file behind").isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"AUTO", "NIO"})
    void staleSocketFile_isReplaced(Transport transport) throws Exception {
        Path path = dir.resolve("s.sock");
        leaveStaleSocket(path);
        try (IpcServer server = IpcServer.builder().listen(Endpoint.unix(path)).serve(TestProtocols.other())
                .transport(transport).start();
                IpcConnection c = IpcClient.builder().transport(transport).connect(server.endpoint())) {
            assertThat(c.call(TestProtocols.TWICE, 4L, CallOptions.DEFAULT).join()).isEqualTo(8L);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"AUTO", "NIO"})
    void close_removesTheSocketFile(Transport transport) {
        Path path = dir.resolve("s.sock");
        IpcServer server = IpcServer.builder().listen(Endpoint.unix(path)).serve(TestProtocols.other())
                .transport(transport).start();
        assertThat(Files.exists(path)).isTrue();
        server.close();
        assertThat(Files.exists(path)).isFalse();
        assertThat(server.closeFuture()).isDone();
    }

    @Test
    void liveServer_isNotReplaced_andKeepsServing() {
        Path path = dir.resolve("s.sock");
        try (IpcServer first = IpcServer.builder().listen(Endpoint.unix(path)).serve(TestProtocols.other()).start()) {
            assertThatThrownBy(() -> IpcServer.builder().listen(Endpoint.unix(path)).start())
                    .isInstanceOf(IpcException.class)
                    .hasMessage("cannot listen on unix:" + path + ": another server is listening on socket file " + path);
            try (IpcConnection c = IpcClient.connect(first.endpoint())) {
                assertThat(c.call(TestProtocols.TWICE, 5L, CallOptions.DEFAULT).join()).isEqualTo(10L);
            }
        }
    }

    @Test
    void regularFileAtThePath_isNotDeleted() throws Exception {
        Path path = Files.writeString(dir.resolve("notes.txt"), "keep me");
        assertThatThrownBy(() -> IpcServer.builder().listen(Endpoint.unix(path)).start())
                .isInstanceOf(IpcException.class)
                .hasMessage("cannot listen on unix:" + path + ": " + path + " exists and is not a socket");
        assertThat(Files.readString(path)).isEqualTo("keep me");
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"AUTO", "NIO"})
    void clientWithNoSocketFile_failsWithOneClearMessage(Transport transport) {
        Endpoint missing = Endpoint.unix(dir.resolve("none.sock"));
        assertThatThrownBy(() -> IpcClient.builder().transport(transport).connect(missing))
                .isInstanceOf(IpcException.class)
                .hasMessage("no server at " + missing + ": no such socket file")
                .extracting(e -> ((IpcException) e).code()).isEqualTo(ErrorCode.CONNECT_FAILED);
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"AUTO", "NIO"})
    void clientWithAStaleSocketFile_failsWithConnectionRefused(Transport transport) throws Exception {
        Path path = dir.resolve("s.sock");
        leaveStaleSocket(path);
        assertThatThrownBy(() -> IpcClient.builder().transport(transport).connect(Endpoint.unix(path)))
                .isInstanceOf(IpcException.class)
                .hasMessage("no server at unix:" + path + ": connection refused");
    }

    @Test
    void tcpClientWithNoServer_failsWithConnectionRefused() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Endpoint nobody = Endpoint.tcp("127.0.0.1", port);
        assertThatThrownBy(() -> IpcClient.connect(nobody))
                .isInstanceOf(IpcException.class)
                .hasMessage("no server at " + nobody + ": connection refused");
    }

    @Test
    void pathPastTheOsLimit_isRefusedBeforeBinding() {
        Path path = dir.resolve("x".repeat(120) + ".sock");
        int bytes = path.toString().length();
        String limit = "Unix socket path " + path + " is " + bytes + " bytes long, past the OS limit of "
                + TransportFamily.MAX_SOCKET_PATH_BYTES + " bytes; use a shorter path";
        assertThatThrownBy(() -> IpcServer.builder().listen(Endpoint.unix(path)).start())
                .isInstanceOf(IpcException.class)
                .hasMessage("cannot listen on unix:" + path + ": " + limit);
        assertThatThrownBy(() -> IpcClient.connect(Endpoint.unix(path)))
                .isInstanceOf(IpcException.class)
                .hasMessage("cannot connect to unix:" + path + ": " + limit);
        assertThat(Files.exists(path)).isFalse();
    }

    @Test
    void twoServicesWithTheSameProtocol_areRefusedNamingBoth() {
        Service calc = TestProtocols.calc(new ConcurrentLinkedQueue<>());
        assertThatThrownBy(() -> IpcServer.builder().serve(calc).serve(TestProtocols.calc(new ConcurrentLinkedQueue<>())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(String.format("protocol calc@1 is registered twice (0x%08X)", TestProtocols.CALC.id()));
    }

    @Test
    void twoProtocolsWithTheSameId_areRefusedNamingBoth() {
        // p2039599@1 and p2222382@1 collide in FNV-1a 32.
        Service a = Service.builder(ProtocolDescriptor.of("p2039599", 1, 0, java.util.List.of())).build();
        Service b = Service.builder(ProtocolDescriptor.of("p2222382", 1, 0, java.util.List.of())).build();
        assertThatThrownBy(() -> IpcClient.builder().serve(a).serve(b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("protocols p2039599@1 and p2222382@1 have the same protocol id (0x8DCEA735)");
    }

    @Test
    void serverClosedFromItsOwnHandler_stillAnswersThatCall() throws Exception {
        java.util.concurrent.atomic.AtomicReference<IpcServer> self = new java.util.concurrent.atomic.AtomicReference<>();
        Service closing = Service.builder(TestProtocols.OTHER).unary(TestProtocols.TWICE, (r, ctx) -> {
            self.get().close();
            return 2 * r;
        }).build();
        IpcServer server = IpcServer.builder().listen(Endpoint.unix(dir.resolve("s.sock"))).serve(closing).start();
        self.set(server);
        try (IpcConnection c = IpcClient.connect(server.endpoint())) {
            assertThat(c.call(TestProtocols.TWICE, 21L, CallOptions.DEFAULT).get(2, java.util.concurrent.TimeUnit.SECONDS))
                    .isEqualTo(42L);
            server.closeFuture().get(2, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(Files.exists(dir.resolve("s.sock"))).isFalse();
        }
    }
}
