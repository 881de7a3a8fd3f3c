package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ipcgen.runtime.security.PeerCredentials;
import dev.ipcgen.runtime.testing.SocketDirs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server's socket file over real sockets: owner-only by default, the configured mode otherwise,
 * a stale file replaced, a live server's refused, the file removed on close; and Linux abstract
 * names, which have no file, on epoll.
 */
class SocketFileTest {

    private final Queue<String> logged = new ConcurrentLinkedQueue<>();
    private Path dir;
    private Path socket;

    @BeforeEach
    void dir() {
        dir = SocketDirs.create();
        socket = dir.resolve("s.sock");
    }

    @AfterEach
    void delete() {
        SocketDirs.delete(dir);
    }

    private IpcServer.Builder server(Endpoint endpoint) {
        return IpcServer.builder().listen(endpoint).serve(TestProtocols.calc(logged)).ioThreads(1);
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private static long add(Endpoint endpoint, Transport transport) throws Exception {
        try (IpcConnection c = IpcClient.builder().transport(transport).connect(endpoint)) {
            return c.call(TestProtocols.ADD, new TestProtocols.Add(40, 2), CallOptions.DEFAULT).get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void socketFile_isOwnerOnlyByDefault_andRemovedOnClose() throws Exception {
        IpcServer server = server(Endpoint.unix(socket)).start();
        try {
            assertThat(mode(socket)).isEqualTo("rw-------");
            assertThat(add(server.endpoint(), Transport.AUTO)).isEqualTo(42);
        } finally {
            server.close();
        }
        assertThat(Files.exists(socket, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void socketFile_takesTheConfiguredModeAndGroup() throws Exception {
        String group = Files.readAttributes(dir, java.nio.file.attribute.PosixFileAttributes.class).group().getName();
        IpcServer server = server(Endpoint.unix(socket)).socketFileMode("0660").socketFileGroup(group).start();
        try {
            assertThat(mode(socket)).isEqualTo("rw-rw----");
            assertThat(Files.readAttributes(socket, java.nio.file.attribute.PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).group().getName()).isEqualTo(group);
        } finally {
            server.close();
        }
        assertThat(Files.exists(socket, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void socketFile_isRemovedWhenTheServerProcessGetsSigterm() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ChildServerMain.class.getName(), socket.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThat(ready.get(15, TimeUnit.SECONDS)).isEqualTo("READY");
            assertThat(mode(socket)).isEqualTo("rw-------");
            child.destroy();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.exists(socket, LinkOption.NOFOLLOW_LINKS)).isFalse();
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void badModeOrGroup_isAClearError() {
        assertThatThrownBy(() -> IpcServer.builder().socketFileMode("0999"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'0999' is invalid");
        IpcException e = catchThrowableOfType(
                () -> server(Endpoint.unix(socket)).socketFileGroup("no-such-group-ipcgen").start(), IpcException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.LISTEN_FAILED);
        assertThat(e.getMessage()).contains(socket.toString()).contains("'no-such-group-ipcgen': no such group");
        assertThat(Files.exists(socket, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void staleSocketFile_isReplaced_butALiveServersIsRefusedNamingThePath() throws Exception {
        // A socket file whose server is gone: bound, then closed without unlinking.
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(Files.exists(socket, LinkOption.NOFOLLOW_LINKS)).isTrue();
        IpcServer server = server(Endpoint.unix(socket)).start();
        try {
            assertThat(add(server.endpoint(), Transport.AUTO)).isEqualTo(42);
            IpcException e = catchThrowableOfType(() -> server(Endpoint.unix(socket)).start(), IpcException.class);
            assertThat(e.code()).isEqualTo(ErrorCode.LISTEN_FAILED);
            assertThat(e.getMessage()).contains("another server is listening on socket file " + socket);
            assertThat(add(server.endpoint(), Transport.AUTO)).isEqualTo(42);
        } finally {
            server.close();
        }
    }

    @Test
    void abstractName_servesOnEpoll_withoutAnyFile() throws Exception {
        Endpoint endpoint = Endpoint.abstractUnix("ipcgen-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        assertThat(endpoint.toString()).startsWith("unix:@ipcgen-test-");
        IpcServer server = server(endpoint).transport(Transport.EPOLL).start();
        try {
            try (IpcConnection c = IpcClient.builder().transport(Transport.EPOLL).connect(endpoint)) {
                assertThat(c.call(TestProtocols.ADD, new TestProtocols.Add(1, 2), CallOptions.DEFAULT)
                        .get(5, TimeUnit.SECONDS)).isEqualTo(3);
                assertThat(c.credentials().uid()).isEqualTo(PeerCredentials.ofThisProcess().uid());
            }
            IpcException again = catchThrowableOfType(() -> server(endpoint).transport(Transport.EPOLL).start(),
                    IpcException.class);
            assertThat(again.code()).isEqualTo(ErrorCode.LISTEN_FAILED);
        } finally {
            server.close();
        }
        IpcException gone = catchThrowableOfType(
                () -> IpcClient.builder().transport(Transport.EPOLL).connect(endpoint), IpcException.class);
        assertThat(gone.code()).isEqualTo(ErrorCode.CONNECT_FAILED);
    }

    @Test
    void abstractName_onNio_isRefusedSayingItNeedsEpoll() {
        Endpoint endpoint = Endpoint.abstractUnix("ipcgen-test-nio");
        IpcException e = catchThrowableOfType(() -> server(endpoint).transport(Transport.NIO).start(), IpcException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.LISTEN_FAILED);
        assertThat(e.getMessage()).contains("needs the epoll transport");
        IpcException c = catchThrowableOfType(() -> IpcClient.builder().transport(Transport.NIO).connect(endpoint),
                IpcException.class);
        assertThat(c.code()).isEqualTo(ErrorCode.CONNECT_FAILED);
        assertThat(c.getMessage()).contains("needs the epoll transport");
    }
}
