package dev.ipcgen.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ipcgen.runtime.CallOptions;
import dev.ipcgen.runtime.Endpoint;
import dev.ipcgen.runtime.ErrorCode;
import dev.ipcgen.runtime.IpcClient;
import dev.ipcgen.runtime.IpcConnection;
import dev.ipcgen.runtime.IpcException;
import dev.ipcgen.runtime.IpcServer;
import dev.ipcgen.runtime.MethodDescriptor;
import dev.ipcgen.runtime.ProtocolDescriptor;
import dev.ipcgen.runtime.Service;
import dev.ipcgen.runtime.codec.Codecs;
import dev.ipcgen.runtime.testing.LogCapture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TLS through the runtime's own {@link IpcServer} and {@link IpcClient} over real TCP sockets, with
 * certificates made at test time ({@link TestCertificates}): server-only and mutual TLS, the
 * client's certificate subject in every call's context, and clear, fast failures for an untrusted
 * client certificate and for TLS on one end only.
 */
class TlsServerClientTest {

    private static final MethodDescriptor<String, String> WHO =
            MethodDescriptor.unary("tlstest", 1, "who", 0, Codecs.STRING, Codecs.STRING);
    private static final Service SERVICE = Service.builder(ProtocolDescriptor.of("tlstest", 1, 0, List.of(WHO)))
            .unary(WHO, (r, ctx) -> r + " " + ctx.tlsSubject().orElse("no subject") + " " + ctx.credentials())
            .build();

    private static TestCertificates certs;
    private IpcServer server;
    /** What the server's TLS failure reporter logs (Netty logs through JDK logging here, formatted). */
    private final LogCapture capture = LogCapture.of("dev.ipcgen.runtime.TlsFailureReporter");
    private final Queue<String> serverLog = capture.messages();

    @BeforeEach
    void captureServerLog() {
        capture.start();
    }

    @BeforeAll
    static void certificates() throws Exception {
        certs = TestCertificates.get();
    }

    @AfterEach
    void stop() {
        capture.stop();
        if (server != null) {
            server.close();
        }
    }

    private IpcServer start(TlsSettings tls) {
        IpcServer.Builder b = IpcServer.builder().listen(Endpoint.tcp("127.0.0.1", 0)).serve(SERVICE).ioThreads(1)
                .handshakeTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            b.tls(tls);
        }
        server = b.start();
        return server;
    }

    /** The server's identity from PEM files, trusting the test CA for client certificates. */
    private static TlsSettings serverTls(ClientAuth clientAuth) {
        return TlsSettings.builder().identity(certs.chainPem("server"), certs.keyPem("server"))
                .trust(certs.caPem()).clientAuth(clientAuth).build();
    }

    /** A client trusting the test CA, with {@code identity}'s key store (or none). */
    private static TlsSettings clientTls(String identity) {
        try {
            TlsSettings.Builder b = TlsSettings.builder().trust(certs.caTrustStore());
            if (identity != null) {
                b.identity(certs.keyStore(identity), TestCertificates.PASSWORD.toCharArray());
            }
            return b.build();
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the test key stores", e);
        }
    }

    private static long millisOf(Runnable r) {
        long started = System.nanoTime();
        r.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static IpcException failure(Supplier<IpcConnection> connect) {
        IpcException[] caught = new IpcException[1];
        long millis = millisOf(() -> caught[0] = catchThrowableOfType(connect::get, IpcException.class));
        assertThat(caught[0]).as("connect should fail").isNotNull();
        assertThat(millis).as("failing took").isLessThan(3000);
        return caught[0];
    }

    @Test
    void serverOnlyTls_serves_andTheClientSeesTheServersSubject() throws Exception {
        start(serverTls(ClientAuth.NONE));
        try (IpcConnection c = IpcClient.builder().tls(clientTls(null)).connect(server.endpoint())) {
            assertThat(c.call(WHO, "hi", CallOptions.DEFAULT).get(5, TimeUnit.SECONDS))
                    .isEqualTo("hi no subject unknown");
            assertThat(c.tlsSubject()).hasValue("CN=server,O=ipcgen test");
            assertThat(c.credentials()).isEqualTo(PeerCredentials.unknown());
        }
    }

    @Test
    void mutualTls_putsTheClientsSubjectInEveryCallContext() throws Exception {
        start(serverTls(ClientAuth.REQUIRE));
        try (IpcConnection c = IpcClient.builder().tls(clientTls("client")).connect(server.endpoint())) {
            for (int i = 0; i < 3; i++) {
                assertThat(c.call(WHO, "call" + i, CallOptions.DEFAULT).get(5, TimeUnit.SECONDS))
                        .isEqualTo("call" + i + " CN=client,O=ipcgen test unknown");
            }
            assertThat(server.peers()).singleElement()
                    .satisfies(p -> assertThat(p.tlsSubject()).hasValue("CN=client,O=ipcgen test"));
        }
        assertThat(server.stats().failedTlsHandshakes()).isZero();
    }

    @Test
    void mutualTls_withAuthorizerOnTheSubject_refusesOtherSubjectsWithUnauthorized() throws Exception {
        IpcServer.Builder b = IpcServer.builder().listen(Endpoint.tcp("127.0.0.1", 0)).serve(SERVICE).ioThreads(1)
                .tls(serverTls(ClientAuth.REQUIRE)).authorizer(Authorizers.tlsSubjectIn(Set.of("CN=someone else")));
        server = b.start();
        IpcException e = failure(() -> IpcClient.builder().tls(clientTls("client")).connect(server.endpoint()));
        assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
        assertThat(e.getMessage()).contains("TLS subject CN=client,O=ipcgen test is not allowed");
        assertThat(server.stats().unauthorizedConnections()).isEqualTo(1);
    }

    @Test
    void untrustedClientCertificate_isRefused_withClearErrorsOnBothSides() throws Exception {
        start(serverTls(ClientAuth.REQUIRE));
        try (IpcConnection good = IpcClient.builder().tls(clientTls("client")).connect(server.endpoint())) {
            IpcException e = failure(() -> IpcClient.builder().tls(clientTls("rogue")).connect(server.endpoint()));
            assertThat(e.code()).isEqualTo(ErrorCode.CONNECT_FAILED);
            assertThat(e.getMessage()).contains("TLS handshake failed")
                    .contains("the peer did not accept this end's certificate");
            awaitServerTlsFailures(1);
            assertThat(serverLog).singleElement().asString()
                    .contains("TLS with client tcp:127.0.0.1:").contains("failed, connection closed: PKIX path");
            assertThat(good.call(WHO, "still", CallOptions.DEFAULT).get(5, TimeUnit.SECONDS)).startsWith("still CN=client");
        }
    }

    @Test
    void clientWithoutTls_onATlsServer_failsFast_sayingTheServerMayExpectTls() throws Exception {
        start(serverTls(ClientAuth.NONE));
        try (IpcConnection good = IpcClient.builder().tls(clientTls(null)).connect(server.endpoint())) {
            IpcException e = failure(() -> IpcClient.connect(server.endpoint()));
            assertThat(e.code()).isEqualTo(ErrorCode.CONNECT_FAILED);
            assertThat(e.getMessage()).contains("closed the connection before its HELLO arrived")
                    .contains("if " + server.endpoint() + " expects TLS, give this client TlsSettings");
            awaitServerTlsFailures(1);
            assertThat(serverLog).singleElement().asString()
                    .containsPattern("TLS with client tcp:127\\.0\\.0\\.1:\\d+ failed, connection closed: the peer "
                            + "tcp:127\\.0\\.0\\.1:\\d+ speaks plaintext ipcgen, but this end requires TLS");
            assertThat(good.call(WHO, "still", CallOptions.DEFAULT).get(5, TimeUnit.SECONDS)).startsWith("still");
        }
    }

    @Test
    void tlsClient_onAPlaintextServer_failsFast_onBothSides_sayingSo() throws Exception {
        start(null);
        IpcException e = failure(() -> IpcClient.builder().tls(clientTls(null)).connect(server.endpoint()));
        assertThat(e.code()).isEqualTo(ErrorCode.CONNECT_FAILED);
        assertThat(e.getMessage()).contains("the peer " + server.endpoint()
                + " speaks plaintext ipcgen, but this end requires TLS");
        awaitServerTlsFailures(1);
        try (IpcConnection c = IpcClient.connect(server.endpoint())) {
            assertThat(c.call(WHO, "plain", CallOptions.DEFAULT).get(5, TimeUnit.SECONDS)).startsWith("plain no subject");
        }
    }

    @Test
    void silentPeerOnATlsPort_isClosedAfterTheHandshakeTimeout() throws Exception {
        server = IpcServer.builder().listen(Endpoint.tcp("127.0.0.1", 0)).serve(SERVICE).ioThreads(1)
                .tls(serverTls(ClientAuth.NONE)).handshakeTimeout(Duration.ofMillis(400)).start();
        try (SocketChannel silent = SocketChannel.open(new InetSocketAddress("127.0.0.1", server.endpoint().port()))) {
            long started = System.nanoTime();
            int read;
            try {
                read = silent.read(ByteBuffer.allocate(1024));
            } catch (IOException reset) {
                read = -1;
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(read).isEqualTo(-1);
            assertThat(millis).isBetween(350L, 3000L);
        }
        awaitServerTlsFailures(1);
        assertThat(serverLog).singleElement().asString().contains("handshake timed out");
    }

    @Test
    void slowTlsPeerThatThenSaysNothing_isClosedWithinOneHandshakeTimeoutOfConnecting() throws Exception {
        server = IpcServer.builder().listen(Endpoint.tcp("127.0.0.1", 0)).serve(SERVICE).ioThreads(1)
                .tls(serverTls(ClientAuth.NONE)).handshakeTimeout(Duration.ofMillis(1000)).start();
        TlsSettings client = clientTls(null);
        int port = server.endpoint().port();
        long started = System.nanoTime();
        try (java.net.Socket plain = new java.net.Socket("127.0.0.1", port)) {
            plain.setSoTimeout(5000);
            // Most of the handshake timeout goes before the TLS handshake even starts.
            Thread.sleep(600);
            javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) client.sslContext().getSocketFactory()
                    .createSocket(plain, "localhost", port, true);
            tls.setSSLParameters(client.newClientEngine("localhost", port).getSSLParameters());
            tls.startHandshake();
            int read;
            try {
                // The server's HELLO, then the end: it waits for this peer's HELLO no longer.
                java.io.InputStream in = tls.getInputStream();
                do {
                    read = in.read();
                } while (read != -1);
            } catch (IOException closed) {
                read = -1;
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(read).isEqualTo(-1);
            assertThat(millis).as("closed one handshake timeout after connecting, not after the TLS handshake")
                    .isBetween(900L, 1500L);
        }
    }

    private void awaitServerTlsFailures(long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (server.stats().failedTlsHandshakes() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.stats().failedTlsHandshakes()).isEqualTo(n);
    }

    @Test
    void tlsOnAUnixEndpoint_isRefusedAtConfiguration() {
        assertThatThrownBy(() -> IpcServer.builder().listen(Endpoint.unix(Path.of("/tmp/x.sock"))).serve(SERVICE)
                .tls(serverTls(ClientAuth.NONE)).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TLS is for TCP endpoints");
    }
}
