package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.runtime.codec.Codecs;
import dev.ipcgen.runtime.security.PeerCredentials;
import dev.ipcgen.runtime.testing.SocketDirs;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every call's context, and each end's peer object, carry the peer's credentials read from the
 * kernel when the connection opened: over real sockets, on epoll and NIO Unix sockets, and unknown
 * on TCP. Both ends are this process, so the ids must be this process's own.
 */
class PeerCredentialsInCallTest {

    private static final MethodDescriptor<String, String> WHO =
            MethodDescriptor.unary("creds", 1, "who", 0, Codecs.STRING, Codecs.STRING);

    private final PeerCredentials self = PeerCredentials.ofThisProcess();
    private final CompletableFuture<PeerCredentials> seenByHandler = new CompletableFuture<>();
    private final CompletableFuture<Peer> connectedPeer = new CompletableFuture<>();
    private Path dir;
    private IpcServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        SocketDirs.delete(dir);
    }

    private IpcConnection start(Transport transport, Endpoint endpoint) {
        Service service = Service.builder(ProtocolDescriptor.of("creds", 1, 0, List.of(WHO)))
                .unary(WHO, (r, ctx) -> {
                    seenByHandler.complete(ctx.credentials());
                    return ctx.peer().credentials().toString();
                })
                .build();
        server = IpcServer.builder().listen(endpoint).serve(service).transport(transport).ioThreads(1)
                .connectionListener(new ConnectionListener() {
                    @Override
                    public void connected(Peer peer) {
                        connectedPeer.complete(peer);
                    }
                })
                .start();
        return IpcClient.builder().transport(transport).connect(server.endpoint());
    }

    private PeerCredentials callAndGetCredentials(IpcConnection connection) throws Exception {
        String viaPeer = connection.call(WHO, "x", CallOptions.DEFAULT).get(5, TimeUnit.SECONDS);
        PeerCredentials seen = seenByHandler.get(5, TimeUnit.SECONDS);
        assertThat(viaPeer).isEqualTo(seen.toString());
        assertThat(connectedPeer.get(5, TimeUnit.SECONDS).credentials()).isEqualTo(seen);
        return seen;
    }

    @Test
    void epollUnixSocket_givesUidGidAndPid_toHandlers_andToTheClient() throws Exception {
        dir = SocketDirs.create();
        try (IpcConnection connection = start(Transport.EPOLL, Endpoint.unix(dir.resolve("s.sock")))) {
            PeerCredentials seen = callAndGetCredentials(connection);
            assertThat(seen.uid()).isEqualTo(self.uid());
            assertThat(seen.gid()).isEqualTo(self.gid());
            assertThat(seen.pid()).isEqualTo(OptionalLong.of(ProcessHandle.current().pid()));
            assertThat(connection.credentials()).isEqualTo(seen);
            assertThat(server.peers()).singleElement().satisfies(p -> {
                assertThat(p.credentials()).isEqualTo(seen);
                assertThat(p.describe()).startsWith("client pid " + ProcessHandle.current().pid() + " (uid ");
            });
        }
    }

    @Test
    void nioUnixSocket_givesUidAndGid_butNoPid() throws Exception {
        dir = SocketDirs.create();
        try (IpcConnection connection = start(Transport.NIO, Endpoint.unix(dir.resolve("s.sock")))) {
            PeerCredentials seen = callAndGetCredentials(connection);
            assertThat(seen.uid()).isEqualTo(self.uid());
            assertThat(seen.gid()).isEqualTo(self.gid());
            assertThat(seen.pid()).isEmpty();
            assertThat(connection.credentials()).isEqualTo(seen);
        }
    }

    @Test
    void tcp_givesUnknownCredentials() throws Exception {
        try (IpcConnection connection = start(Transport.AUTO, Endpoint.tcp("127.0.0.1", 0))) {
            PeerCredentials seen = callAndGetCredentials(connection);
            assertThat(seen).isEqualTo(PeerCredentials.unknown());
            assertThat(seen.isKnown()).isFalse();
            assertThat(connection.credentials()).isEqualTo(PeerCredentials.unknown());
            assertThat(connection.tlsSubject()).isEmpty();
        }
    }
}
