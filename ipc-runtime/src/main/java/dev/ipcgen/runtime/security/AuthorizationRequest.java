package dev.ipcgen.runtime.security;

import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link Authorizer} knows about a newly accepted connection, before anything has been
 * read from it.
 *
 * @param credentials the peer's Unix credentials ({@link PeerCredentials#unknown()} on TCP)
 * @param remoteAddress the peer's address as the channel reports it
 * @param peerCertificate the peer's TLS certificate, if the connection is TLS and the peer sent one
 */
public record AuthorizationRequest(PeerCredentials credentials, SocketAddress remoteAddress,
        Optional<X509Certificate> peerCertificate) {

    /** Checks that no component is null. */
    public AuthorizationRequest {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(peerCertificate, "peerCertificate");
    }

    /** A request for a connection without TLS. */
    public static AuthorizationRequest of(PeerCredentials credentials, SocketAddress remoteAddress) {
        return new AuthorizationRequest(credentials, remoteAddress, Optional.empty());
    }

    /** The TLS peer certificate's subject in RFC 2253 form, e.g. {@code CN=client,O=ipcgen}. */
    public Optional<String> tlsSubject() {
        return peerCertificate.map(c -> c.getSubjectX500Principal().getName());
    }

    /**
     * E.g. {@code uid=1000 gid=1000 pid=4242 at /tmp/x.sock}, for log lines and deny reasons; a
     * Unix client's socket usually has no name, and then no {@code at} part.
     */
    public String describePeer() {
        String where = AbstractSocketNames.describe(remoteAddress);
        return credentials + (where.isEmpty() ? "" : " at " + where)
                + tlsSubject().map(s -> " (TLS subject " + s + ")").orElse("");
    }
}
