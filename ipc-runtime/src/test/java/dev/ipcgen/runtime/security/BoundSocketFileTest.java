package dev.ipcgen.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipcgen.runtime.testing.SocketDirs;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BoundSocketFileTest {

    private Path dir;
    private Path socket;
    private final List<ServerSocketChannel> servers = new ArrayList<>();

    @BeforeEach
    void createDir() {
        dir = SocketDirs.create();
        socket = dir.resolve("app.sock");
    }

    @AfterEach
    void closeAndDeleteDir() throws IOException {
        for (ServerSocketChannel server : servers) {
            server.close();
        }
        SocketDirs.delete(dir);
    }

    /** Binds a server at {@link #socket}; {@code @AfterEach} closes it. */
    private void bind() throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        servers.add(server);
        server.bind(UnixDomainSocketAddress.of(socket));
    }

    @Test
    void claim_appliesModeAndCloseDeletesTheFile() throws Exception {
        bind();
        BoundSocketFile file = BoundSocketFile.claim(socket, SocketFileSettings.withMode("0660"));
        assertThat(file.path()).isEqualTo(socket);
        assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-rw----"));
        file.close();
        assertThat(Files.exists(socket)).isFalse();
        file.close();
    }

    @Test
    void close_leavesASocketThatReplacedTheClaimedOne() throws Exception {
        bind();
        BoundSocketFile first = BoundSocketFile.claim(socket, SocketFileSettings.defaults());
        Files.delete(socket);
        // File times tick with the kernel's coarse clock; let the replacement's differ.
        Thread.sleep(30);
        bind();
        first.close();
        assertThat(SocketFiles.isSocket(socket)).as("the second server's socket").isTrue();
    }

    @Test
    void claim_noSocket_saysSo() throws Exception {
        assertThatThrownBy(() -> BoundSocketFile.claim(socket, SocketFileSettings.defaults()))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot set mode 0600 on " + socket + ": not a socket");
    }
}
