package dev.ipcgen.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipcgen.runtime.testing.SocketDirs;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SocketFilesTest {

    private Path dir;
    private Path socket;
    private ServerSocketChannel server;

    @BeforeEach
    void createDir() {
        dir = SocketDirs.create();
        socket = dir.resolve("app.sock");
    }

    @AfterEach
    void closeAndDeleteDir() throws IOException {
        if (server != null) {
            server.close();
        }
        SocketDirs.delete(dir);
    }

    /** Binds {@link #server} at {@link #socket}; {@code @AfterEach} closes it. */
    private void bind() throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
    }

    /** Leaves a socket file behind with nobody listening, as a killed server does. */
    private void leaveStaleSocket() throws IOException {
        bind();
        server.close();
        server = null;
        assertThat(Files.exists(socket, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void apply_setsModeOnABoundSocket() throws Exception {
        bind();
        SocketFiles.apply(socket, SocketFileSettings.defaults());
        assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        SocketFiles.apply(socket, SocketFileSettings.withMode("0660"));
        assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-rw----"));
    }

    @Test
    void apply_setsGroupByName() throws Exception {
        bind();
        GroupPrincipal own = Files.readAttributes(socket, PosixFileAttributes.class).group();
        SocketFiles.apply(socket, SocketFileSettings.withMode("0660").withGroup(own.getName()));
        PosixFileAttributes attributes = Files.readAttributes(socket, PosixFileAttributes.class);
        assertThat(attributes.group()).isEqualTo(own);
        assertThat(attributes.permissions()).isEqualTo(PosixFilePermissions.fromString("rw-rw----"));
    }

    @Test
    void apply_unknownGroup_saysSo() throws Exception {
        bind();
        assertThatThrownBy(() -> SocketFiles.apply(socket, SocketFileSettings.defaults().withGroup("no-such-group-x")))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot give socket file " + socket + " to group 'no-such-group-x': no such group");
    }

    @Test
    void apply_missingFile_saysItIsNoSocket() {
        assertThatThrownBy(() -> SocketFiles.apply(socket, SocketFileSettings.defaults()))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot set mode 0600 on " + socket + ": not a socket");
    }

    @Test
    void apply_symlinkToAFile_changesNothing() throws Exception {
        Path target = Files.writeString(dir.resolve("target"), "x");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        Files.createSymbolicLink(socket, target);
        assertThatThrownBy(() -> SocketFiles.apply(socket, SocketFileSettings.withMode("0666")))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot set mode 0666 on " + socket + ": not a socket");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
    }

    @Test
    void removeStale_deletesASocketNobodyListensOn() throws Exception {
        leaveStaleSocket();
        assertThat(SocketFiles.removeStale(socket)).isTrue();
        assertThat(Files.exists(socket, LinkOption.NOFOLLOW_LINKS)).isFalse();
        bind();
        assertThat(SocketFiles.isSocket(socket)).isTrue();
    }

    @Test
    void removeStale_noFile_isNothingToDo() throws Exception {
        assertThat(SocketFiles.removeStale(socket)).isFalse();
    }

    @Test
    void removeStale_liveServer_isLeftAlone() throws Exception {
        bind();
        assertThatThrownBy(() -> SocketFiles.removeStale(socket))
                .isInstanceOf(IOException.class)
                .hasMessage("another server is listening on socket file " + socket);
        assertThat(SocketFiles.isSocket(socket)).isTrue();
    }

    @Test
    void removeStale_regularFile_isLeftAlone() throws Exception {
        Files.writeString(socket, "precious");
        assertThatThrownBy(() -> SocketFiles.removeStale(socket))
                .isInstanceOf(IOException.class)
                .hasMessage(socket + " exists and is not a socket; refusing to replace it");
        assertThat(Files.readString(socket)).isEqualTo("precious");
    }

    @Test
    void isSocket_tellsSocketsFromFilesAndLinks() throws Exception {
        bind();
        Path link = Files.createSymbolicLink(dir.resolve("link"), socket);
        assertThat(SocketFiles.isSocket(socket)).isTrue();
        assertThat(SocketFiles.isSocket(link)).isFalse();
        assertThat(SocketFiles.isSocket(dir)).isFalse();
    }
}
