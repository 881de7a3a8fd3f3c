package dev.ipcgen.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ipcgen.runtime.security.TestChannels.Kind;
import dev.ipcgen.runtime.testing.SocketDirs;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A peer running as another user ({@code nobody}, uid and gid 65534): a Python client started
 * through {@code setpriv}. Runs only as root with {@code /usr/bin/setpriv} and {@code /usr/bin/python3}
 * (as in CI containers); elsewhere it is skipped.
 */
class OtherUserPeerTest {

    private static final long NOBODY = 65534;
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String CLIENT = String.join("\n",
            "import socket, sys",
            "s = socket.socket(socket.AF_UNIX)",
            "try:",
            "    s.connect(sys.argv[1])",
            "except OSError as e:",
            "    print(type(e).__name__); sys.exit(0)",
            "print('connected', flush=True)",
            "s.recv(1)");

    private Path dir;
    private EventLoopGroup group;
    private Channel server;
    private final CompletableFuture<PeerCredentials> accepted = new CompletableFuture<>();

    @BeforeEach
    void requireRootAndTools() throws Exception {
        assumeTrue(PeerCredentials.ofThisProcess().uid().getAsLong() == 0, "runs only as root");
        assumeTrue(Files.isExecutable(SETPRIV) && Files.isExecutable(PYTHON), "needs setpriv and python3");
        dir = SocketDirs.create();
        // nobody must be able to reach the socket inside the directory.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        SocketDirs.delete(dir);
    }

    /** Listens at {@code dir/s} with {@code kind}; each connection's credentials go to {@link #accepted}, then it closes. */
    private Path listen(Kind kind, SocketFileSettings settings) throws Exception {
        Path socket = dir.resolve("s");
        group = new MultiThreadIoEventLoopGroup(1, kind.io.get());
        server = new ServerBootstrap().group(group).channel(kind.serverType)
                .childHandler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelActive(ChannelHandlerContext ctx) {
                        accepted.complete(PeerCredentialsReader.read(ctx.channel()));
                        ctx.close();
                    }
                })
                .bind(TestChannels.unixAddress(kind, socket)).sync().channel();
        SocketFiles.apply(socket, settings);
        return socket;
    }

    /** Runs the client as nobody; returns its pid and what it printed. */
    private static Process connectAsNobody(Path socket) throws Exception {
        return new ProcessBuilder(SETPRIV.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups",
                PYTHON.toString(), "-c", CLIENT, socket.toString()).redirectErrorStream(true).start();
    }

    private static String output(Process process) throws Exception {
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("client exited").isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"EPOLL_UNIX", "NIO_UNIX"})
    void read_otherUsersPeer_givesItsIds(Kind kind) throws Exception {
        Path socket = listen(kind, SocketFileSettings.withMode("0666"));
        Process client = connectAsNobody(socket);
        PeerCredentials credentials = accepted.get(10, TimeUnit.SECONDS);
        assertThat(output(client)).isEqualTo("connected");
        assertThat(credentials.uid()).isEqualTo(OptionalLong.of(NOBODY));
        assertThat(credentials.gid()).isEqualTo(OptionalLong.of(NOBODY));
        assertThat(credentials.pid()).isEqualTo(kind.isEpoll() ? OptionalLong.of(client.pid()) : OptionalLong.empty());
        AuthorizationDecision decision = Authorizers.sameUser()
                .decide(AuthorizationRequest.of(credentials, server.localAddress()));
        assertThat(decision.reason()).isEqualTo("peer uid 65534 is not this server's uid 0");
    }

    @Test
    void mode0600_keepsOtherUsersOut() throws Exception {
        Path socket = listen(Kind.EPOLL_UNIX, SocketFileSettings.defaults());
        assertThat(output(connectAsNobody(socket))).isEqualTo("PermissionError");
        assertThat(accepted).isNotDone();
    }

    @Test
    void mode0660WithTheirGroup_letsThemIn() throws Exception {
        Path socket = listen(Kind.EPOLL_UNIX, SocketFileSettings.withMode("0660").withGroup(Long.toString(NOBODY)));
        assertThat(output(connectAsNobody(socket))).isEqualTo("connected");
        assertThat(accepted.get(10, TimeUnit.SECONDS).uid()).isEqualTo(OptionalLong.of(NOBODY));
    }
}
