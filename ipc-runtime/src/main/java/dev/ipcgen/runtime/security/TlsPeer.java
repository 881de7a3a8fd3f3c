package dev.ipcgen.runtime.security;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The peer's identity on a TLS connection whose handshake has completed, read from its
 * {@link SSLSession} (in Netty: {@code sslHandler.engine().getSession()}).
 */
public final class TlsPeer {

    private TlsPeer() {
    }

    /** The peer's end-entity certificate, or empty if it sent none (a client under {@link ClientAuth#OPTIONAL}). */
    public static Optional<X509Certificate> certificate(SSLSession session) {
        Objects.requireNonNull(session, "session");
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate
                    ? Optional.of((X509Certificate) chain[0])
                    : Optional.empty();
        } catch (SSLPeerUnverifiedException noCertificate) {
            return Optional.empty();
        }
    }

    /** The peer certificate's subject in RFC 2253 form, e.g. {@code CN=server,O=ipcgen}, or empty. */
    public static Optional<String> subject(SSLSession session) {
        return certificate(session).map(c -> c.getSubjectX500Principal().getName());
    }
}
