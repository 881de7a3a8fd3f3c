package dev.ipcgen.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyStore;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TlsSettingsTest {

    private static TestCertificates certs;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = TestCertificates.get();
    }

    @Test
    void serverEngine_carriesClientAuthAndProtocols() {
        TlsSettings settings = TlsSettings.builder()
                .identity(certs.chainPem("server"), certs.keyPem("server"))
                .trust(certs.caPem())
                .clientAuth(ClientAuth.REQUIRE)
                .protocols("TLSv1.3")
                .build();
        SSLEngine engine = settings.newServerEngine();
        assertThat(engine.getUseClientMode()).isFalse();
        assertThat(engine.getNeedClientAuth()).isTrue();
        assertThat(engine.getEnabledProtocols()).containsExactly("TLSv1.3");
        assertThat(settings).hasToString("TLS [TLSv1.3] with identity, client auth REQUIRE");
    }

    @Test
    void serverEngine_optionalClientAuth_wantsButDoesNotNeed() {
        SSLEngine engine = TlsSettings.builder()
                .identity(certs.chainPem("server"), certs.keyPem("server"))
                .trust(certs.caPem())
                .clientAuth(ClientAuth.OPTIONAL)
                .build()
                .newServerEngine();
        assertThat(engine.getWantClientAuth()).isTrue();
        assertThat(engine.getNeedClientAuth()).isFalse();
    }

    @Test
    void clientEngine_checksTheHostName() {
        TlsSettings settings = TlsSettings.builder().trust(certs.caPem()).build();
        SSLEngine engine = settings.newClientEngine("localhost", 4000);
        assertThat(engine.getUseClientMode()).isTrue();
        assertThat(engine.getPeerHost()).isEqualTo("localhost");
        assertThat(engine.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
        assertThat(TlsSettings.builder().verifyHostname(false).build().newClientEngine("localhost", 1)
                .getSSLParameters().getEndpointIdentificationAlgorithm()).isNull();
    }

    @Test
    void serverEngine_withoutIdentity_explains() {
        TlsSettings settings = TlsSettings.builder().trust(certs.caPem()).build();
        assertThatThrownBy(settings::newServerEngine)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a TLS server needs a certificate and private key: call TlsSettings.Builder.identity(...)");
    }

    @Test
    void clientAuth_withoutExplicitTrust_isRefused() {
        TlsSettings.Builder builder = TlsSettings.builder()
                .identity(certs.chainPem("server"), certs.keyPem("server"))
                .clientAuth(ClientAuth.REQUIRE);
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("client auth REQUIRE needs the certificates that sign client certificates: call trust(...)");
    }

    @Test
    void identity_keyOfAnotherCertificate_isRefused() {
        assertThatThrownBy(() -> TlsSettings.builder().identity(certs.chainPem("server"), certs.keyPem("client")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the private key in " + certs.keyPem("client") + " does not belong to the first "
                        + "certificate in " + certs.chainPem("server") + " (" + TestCertificates.SERVER_SUBJECT + ")");
    }

    @Test
    void identity_keyStoreWithoutKey_isRefused() throws Exception {
        TlsSettings.Builder builder = TlsSettings.builder().identity(certs.caTrustStore(), new char[0]);
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the identity key store holds no private key entry (only certificates): "
                        + "a TLS identity needs a key and its certificate chain");
    }

    @Test
    void identity_wrongKeyStorePassword_isAClearError() throws Exception {
        KeyStore store = certs.keyStore("server");
        assertThatThrownBy(() -> TlsSettings.builder().identity(store, "wrong".toCharArray()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot set up TLS: ");
    }

    @Test
    void protocols_onlyTls12And13() {
        assertThatThrownBy(() -> TlsSettings.builder().protocols("TLSv1.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TLS protocol 'TLSv1.1' is not allowed (expected TLSv1.3 or TLSv1.2)");
        assertThatThrownBy(() -> TlsSettings.builder().protocols())
                .hasMessage("at least one TLS protocol is needed (expected TLSv1.3 and/or TLSv1.2)");
    }
}
