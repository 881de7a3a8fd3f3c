package dev.ipcgen.runtime.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for one endpoint: its own certificate and key (a server always has them; a client in mutual
 * TLS too), the certificates it trusts, whether a server asks for client certificates, and the
 * protocol versions. Built once from PEM files or {@link KeyStore}s by {@link Builder#build()},
 * which reads and checks everything; afterwards it only creates {@link SSLEngine}s, one per
 * connection, for Netty's {@code SslHandler}.
 *
 * <pre>{@code
 * TlsSettings server = TlsSettings.builder()
 *         .identity(Path.of("server-chain.pem"), Path.of("server-key.pem"))
 *         .trust(Path.of("clients-ca.pem"))
 *         .clientAuth(ClientAuth.REQUIRE)
 *         .build();
 * channel.pipeline().addFirst("tls", new SslHandler(server.newServerEngine()));
 * }</pre>
 *
 * <p>Uses the JDK's TLS provider ({@code SSLContext.getInstance("TLS")}).
 */
public final class TlsSettings {

    private static final Set<String> ALLOWED_PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2");
    private static final char[] IN_MEMORY_PASSWORD = new char[0];

    private final SSLContext context;
    private final boolean hasIdentity;
    private final ClientAuth clientAuth;
    private final List<String> protocols;
    private final boolean verifyHostname;

    private TlsSettings(SSLContext context, boolean hasIdentity, ClientAuth clientAuth, List<String> protocols,
            boolean verifyHostname) {
        this.context = context;
        this.hasIdentity = hasIdentity;
        this.clientAuth = clientAuth;
        this.protocols = protocols;
        this.verifyHostname = verifyHostname;
    }

    /** A builder with no identity, the JDK's default trust, {@link ClientAuth#NONE}, TLS 1.3 and 1.2. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A server-side engine for one accepted connection.
     *
     * @throws IllegalStateException if these settings have no identity (certificate and key)
     */
    public SSLEngine newServerEngine() {
        if (!hasIdentity) {
            throw new IllegalStateException("a TLS server needs a certificate and private key: "
                    + "call TlsSettings.Builder.identity(...)");
        }
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(protocols.toArray(String[]::new));
        // Each setter clears the other's flag, so set exactly one.
        if (clientAuth == ClientAuth.OPTIONAL) {
            parameters.setWantClientAuth(true);
        } else {
            parameters.setNeedClientAuth(clientAuth == ClientAuth.REQUIRE);
        }
        engine.setSSLParameters(parameters);
        return engine;
    }

    /**
     * A client-side engine for one connection to {@code host}, which is also the name sent for SNI
     * and, unless disabled, checked against the server certificate's subject alternative names.
     *
     * @param host the server's host name or IP address as the client dialled it
     * @param port the server's port
     */
    public SSLEngine newClientEngine(String host, int port) {
        Objects.requireNonNull(host, "host");
        SSLEngine engine = context.createSSLEngine(host, port);
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(protocols.toArray(String[]::new));
        if (verifyHostname) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        engine.setSSLParameters(parameters);
        return engine;
    }

    /** The JDK context behind the engines, e.g. for Netty's {@code JdkSslContext}. */
    public SSLContext sslContext() {
        return context;
    }

    /** Whether a certificate and key were given (needed by a server, and by a client in mutual TLS). */
    public boolean hasIdentity() {
        return hasIdentity;
    }

    /** Whether a server asks clients for certificates. */
    public ClientAuth clientAuth() {
        return clientAuth;
    }

    /** The enabled protocol versions, most preferred first. */
    public List<String> protocols() {
        return protocols;
    }

    /** Whether a client checks the server certificate against the host name it dialled. */
    public boolean verifiesHostname() {
        return verifyHostname;
    }

    @Override
    public String toString() {
        return "TLS " + protocols + (hasIdentity ? " with identity" : " without identity")
                + ", client auth " + clientAuth + (verifyHostname ? "" : ", no host name check");
    }

    /** Collects the sources of key and trust; {@link #build()} reads them. Not thread-safe. */
    public static final class Builder {
        private KeyStore identityStore;
        private char[] identityPassword;
        private KeyStore trustStore;
        private ClientAuth clientAuth = ClientAuth.NONE;
        private List<String> protocols = List.of("TLSv1.3", "TLSv1.2");
        private boolean verifyHostname = true;

        private Builder() {
        }

        /**
         * This end's certificate chain (end entity first, PEM) and its private key (unencrypted
         * PKCS#8 PEM), read now.
         *
         * @throws IllegalArgumentException if a file cannot be read or parsed, or the key does not
         *     belong to the first certificate
         */
        public Builder identity(Path certificateChainPem, Path privateKeyPem) {
            List<X509Certificate> chain = PemFiles.readCertificates(certificateChainPem);
            PrivateKey key = PemFiles.readPrivateKey(privateKeyPem);
            requireMatchingKey(key, chain.get(0), certificateChainPem, privateKeyPem);
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("identity", key, IN_MEMORY_PASSWORD, chain.toArray(X509Certificate[]::new));
                return identity(store, IN_MEMORY_PASSWORD);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalArgumentException("cannot hold the key of " + privateKeyPem + " in a key store: "
                        + e.getMessage(), e);
            }
        }

        /**
         * This end's certificate and key from {@code keyStore}, whose key entries are protected by
         * {@code password}. The store is read by {@link #build()}.
         */
        public Builder identity(KeyStore keyStore, char[] password) {
            this.identityStore = Objects.requireNonNull(keyStore, "keyStore");
            this.identityPassword = Objects.requireNonNull(password, "password").clone();
            return this;
        }

        /**
         * The certificates to trust (CAs, or the peer's own self-signed certificate) from a PEM
         * file, read now. Without {@code trust}, a client trusts the JDK's default CAs.
         *
         * @throws IllegalArgumentException if the file cannot be read or holds no certificate
         */
        public Builder trust(Path trustedCertificatesPem) {
            List<X509Certificate> certificates = PemFiles.readCertificates(trustedCertificatesPem);
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                for (int i = 0; i < certificates.size(); i++) {
                    store.setCertificateEntry("trusted-" + i, certificates.get(i));
                }
                return trust(store);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalArgumentException("cannot hold the certificates of " + trustedCertificatesPem
                        + " in a trust store: " + e.getMessage(), e);
            }
        }

        /** The certificates to trust, from the certificate entries of {@code trustStore}. */
        public Builder trust(KeyStore trustStore) {
            this.trustStore = Objects.requireNonNull(trustStore, "trustStore");
            return this;
        }

        /** Whether a server asks clients for certificates; {@link ClientAuth#NONE} by default. */
        public Builder clientAuth(ClientAuth clientAuth) {
            this.clientAuth = Objects.requireNonNull(clientAuth, "clientAuth");
            return this;
        }

        /**
         * The protocol versions to enable, most preferred first; {@code TLSv1.3, TLSv1.2} by default.
         *
         * @throws IllegalArgumentException if one is not TLSv1.3 or TLSv1.2, or none is given
         */
        public Builder protocols(String... protocols) {
            if (protocols.length == 0) {
                throw new IllegalArgumentException(
                        "at least one TLS protocol is needed (expected TLSv1.3 and/or TLSv1.2)");
            }
            for (String protocol : protocols) {
                if (!ALLOWED_PROTOCOLS.contains(protocol)) {
                    throw new IllegalArgumentException("TLS protocol '" + protocol
                            + "' is not allowed (expected TLSv1.3 or TLSv1.2)");
                }
            }
            this.protocols = List.of(protocols);
            return this;
        }

        /**
         * Whether a client checks that the server certificate names the host it dialled (on by
         * default). Turn it off only when the certificate is pinned by {@link #trust} alone.
         */
        public Builder verifyHostname(boolean verify) {
            this.verifyHostname = verify;
            return this;
        }

        /**
         * Reads the key and trust stores and creates the TLS context.
         *
         * @throws IllegalArgumentException if client certificates are asked for without an explicit
         *     {@link #trust} (the JDK's public CAs must not vouch for clients), or a store is unusable
         */
        public TlsSettings build() {
            if (clientAuth != ClientAuth.NONE && trustStore == null) {
                throw new IllegalArgumentException("client auth " + clientAuth + " needs the certificates that "
                        + "sign client certificates: call trust(...)");
            }
            try {
                KeyManagerFactory keys = null;
                if (identityStore != null) {
                    requireKeyEntry(identityStore);
                    keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                    keys.init(identityStore, identityPassword);
                }
                TrustManagerFactory trust = null;
                if (trustStore != null) {
                    trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                    trust.init(trustStore);
                }
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keys == null ? null : keys.getKeyManagers(),
                        trust == null ? null : trust.getTrustManagers(), null);
                return new TlsSettings(context, identityStore != null, clientAuth, protocols, verifyHostname);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
            }
        }

        private static void requireKeyEntry(KeyStore store) throws KeyStoreException {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return;
                }
            }
            throw new IllegalArgumentException("the identity key store holds no private key entry "
                    + "(only certificates): a TLS identity needs a key and its certificate chain");
        }

        private static void requireMatchingKey(PrivateKey key, X509Certificate certificate, Path chainFile,
                Path keyFile) {
            String algorithm = signatureFor(key.getAlgorithm());
            if (algorithm == null) {
                return;
            }
            try {
                byte[] probe = "ipcgen key check".getBytes(StandardCharsets.US_ASCII);
                Signature signer = Signature.getInstance(algorithm);
                signer.initSign(key);
                signer.update(probe);
                byte[] signature = signer.sign();
                Signature verifier = Signature.getInstance(algorithm);
                verifier.initVerify(certificate.getPublicKey());
                verifier.update(probe);
                if (verifier.verify(signature)) {
                    return;
                }
            } catch (GeneralSecurityException e) {
                // A key of another type than the certificate's lands here too.
            }
            throw new IllegalArgumentException("the private key in " + keyFile + " does not belong to the first "
                    + "certificate in " + chainFile + " (" + certificate.getSubjectX500Principal().getName() + ")");
        }

        private static String signatureFor(String keyAlgorithm) {
            switch (keyAlgorithm) {
                case "RSA":
                    return "SHA256withRSA";
                case "EC":
                    return "SHA256withECDSA";
                case "EdDSA":
                case "Ed25519":
                case "Ed448":
                    return "EdDSA";
                default:
                    return null;
            }
        }
    }
}
