package dev.ipcgen.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.runtime.security.TlsSocketHandshake.Outcome;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TlsHandshakeTest {

    private static final char[] PASSWORD = TestCertificates.PASSWORD.toCharArray();
    private static TestCertificates certs;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = TestCertificates.get();
    }

    private static TlsSettings serverFromPem(ClientAuth clientAuth) {
        TlsSettings.Builder builder = TlsSettings.builder()
                .identity(certs.chainPem("server"), certs.keyPem("server"))
                .clientAuth(clientAuth);
        if (clientAuth != ClientAuth.NONE) {
            builder.trust(certs.caPem());
        }
        return builder.build();
    }

    private static TlsSettings clientFromKeyStore(String name) throws Exception {
        return TlsSettings.builder()
                .identity(certs.keyStore(name), PASSWORD)
                .trust(certs.caTrustStore())
                .build();
    }

    @Test
    void serverOnly_pemServer_clientSeesServerSubject() throws Exception {
        TlsSettings client = TlsSettings.builder().trust(certs.caPem()).build();
        Outcome outcome = TlsSocketHandshake.run(serverFromPem(ClientAuth.NONE), client, "localhost");
        assertThat(outcome.client().error()).isNull();
        assertThat(outcome.server().error()).isNull();
        assertThat(TlsPeer.subject(outcome.client().session())).contains(TestCertificates.SERVER_SUBJECT);
        assertThat(TlsPeer.certificate(outcome.server().session())).isEmpty();
        assertThat(outcome.client().session().getProtocol()).isEqualTo("TLSv1.3");
    }

    @Test
    void serverOnly_keyStoreServer_worksToo() throws Exception {
        TlsSettings server = TlsSettings.builder().identity(certs.keyStore("server"), PASSWORD).build();
        TlsSettings client = TlsSettings.builder().trust(certs.caTrustStore()).build();
        Outcome outcome = TlsSocketHandshake.run(server, client, "127.0.0.1");
        assertThat(TlsPeer.subject(outcome.client().session())).contains(TestCertificates.SERVER_SUBJECT);
    }

    @Test
    void mutual_serverSeesClientSubject_andAuthorizesIt() throws Exception {
        Outcome outcome = TlsSocketHandshake.run(serverFromPem(ClientAuth.REQUIRE), clientFromKeyStore("client"),
                "localhost");
        assertThat(outcome.server().error()).isNull();
        assertThat(TlsPeer.subject(outcome.server().session())).contains(TestCertificates.CLIENT_SUBJECT);
        AuthorizationRequest request = new AuthorizationRequest(PeerCredentials.unknown(),
                new InetSocketAddress("127.0.0.1", 1), TlsPeer.certificate(outcome.server().session()));
        assertThat(request.tlsSubject()).contains(TestCertificates.CLIENT_SUBJECT);
        assertThat(Authorizers.tlsSubjectIn(Set.of("cn=client, o=ipcgen test")).decide(request).allowed()).isTrue();
        assertThat(Authorizers.tlsSubjectIn(Set.of("CN=other")).decide(request).reason())
                .isEqualTo("TLS subject CN=client,O=ipcgen test is not allowed");
        assertThat(Authorizers.uidIn(Set.of(0L)).decide(request).allowed()).isFalse();
    }

    @Test
    void mutual_pemClientIdentity_works() throws Exception {
        TlsSettings client = TlsSettings.builder()
                .identity(certs.chainPem("client"), certs.keyPem("client"))
                .trust(certs.caPem())
                .build();
        Outcome outcome = TlsSocketHandshake.run(serverFromPem(ClientAuth.REQUIRE), client, "localhost");
        assertThat(TlsPeer.subject(outcome.server().session())).contains(TestCertificates.CLIENT_SUBJECT);
    }

    @Test
    void mutual_untrustedClientCertificate_failsOnBothSides() throws Exception {
        TlsSettings rogue = TlsSettings.builder()
                .identity(certs.chainPem("rogue"), certs.keyPem("rogue"))
                .trust(certs.caPem())
                .build();
        Outcome outcome = TlsSocketHandshake.run(serverFromPem(ClientAuth.REQUIRE), rogue, "localhost");
        assertThat(outcome.server().error()).hasMessageContaining("PKIX path validation failed: java.security.cert.CertPathValidatorException: signature check failed");
        assertThat(outcome.client().error()).hasMessageContaining("Received fatal alert: certificate_unknown");
    }

    @Test
    void mutual_clientWithoutCertificate_failsOnBothSides() throws Exception {
        TlsSettings anonymous = TlsSettings.builder().trust(certs.caPem()).build();
        Outcome outcome = TlsSocketHandshake.run(serverFromPem(ClientAuth.REQUIRE), anonymous, "localhost");
        assertThat(outcome.server().error()).hasMessageContaining("Empty client certificate chain");
        // JDK 17 answers bad_certificate, newer JDKs TLS 1.3's certificate_required.
        assertThat(outcome.client().error())
                .hasMessageMatching(".*Received fatal alert: (bad_certificate|certificate_required)");
    }

    @Test
    void optional_clientWithoutCertificate_isAdmittedWithoutSubject() throws Exception {
        TlsSettings anonymous = TlsSettings.builder().trust(certs.caPem()).build();
        Outcome outcome = TlsSocketHandshake.run(serverFromPem(ClientAuth.OPTIONAL), anonymous, "localhost");
        assertThat(outcome.server().error()).isNull();
        assertThat(TlsPeer.subject(outcome.server().session())).isEqualTo(Optional.empty());
    }

    @Test
    void client_untrustedServer_failsOnBothSides() throws Exception {
        TlsSettings trustsRogue = TlsSettings.builder().trust(certs.chainPem("rogue")).build();
        Outcome outcome = TlsSocketHandshake.run(serverFromPem(ClientAuth.NONE), trustsRogue, "localhost");
        assertThat(outcome.client().error()).hasMessageContaining("PKIX path validation failed: java.security.cert.CertPathValidatorException: signature check failed");
        // JDK 17 answers certificate_unknown, newer JDKs bad_certificate; the server may instead still be
        // writing its Finished when the client, having sent its alert, closes ("Broken pipe").
        assertThat(outcome.server().error())
                .hasMessageMatching(".*Received fatal alert: (certificate_unknown|bad_certificate)|Broken pipe");
    }

    @Test
    void client_wrongHostName_failsUnlessCheckingIsOff() throws Exception {
        TlsSettings checking = TlsSettings.builder().trust(certs.caPem()).build();
        Outcome outcome = TlsSocketHandshake.run(serverFromPem(ClientAuth.NONE), checking, "other.example");
        assertThat(outcome.client().error()).hasMessageContaining("No subject alternative DNS name matching other.example");

        TlsSettings pinned = TlsSettings.builder().trust(certs.caPem()).verifyHostname(false).build();
        assertThat(TlsSocketHandshake.run(serverFromPem(ClientAuth.NONE), pinned, "other.example").client().error())
                .isNull();
    }

    @Test
    void protocols_restrictTheVersion() throws Exception {
        TlsSettings client = TlsSettings.builder().trust(certs.caPem()).protocols("TLSv1.2").build();
        Outcome outcome = TlsSocketHandshake.run(serverFromPem(ClientAuth.NONE), client, "localhost");
        assertThat(outcome.client().session().getProtocol()).isEqualTo("TLSv1.2");
    }
}
