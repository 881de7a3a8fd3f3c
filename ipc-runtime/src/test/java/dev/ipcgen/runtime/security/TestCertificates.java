package dev.ipcgen.runtime.security;

import dev.ipcgen.runtime.testing.SocketDirs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made at test time by the JDK's {@code keytool} (no keys are checked in): a CA, a
 * server and a client certificate it signed, and a "rogue" self-signed certificate that takes the
 * CA's name but has another key (so a JDK client offers it to a server that asks for the real CA's
 * clients, and the server must catch the forgery). Made once per test JVM in a temporary directory,
 * as PKCS12 key stores and as PEM files.
 */
final class TestCertificates {

    static final String PASSWORD = "changeit";
    static final String SERVER_SUBJECT = "CN=server,O=ipcgen test";
    static final String CLIENT_SUBJECT = "CN=client,O=ipcgen test";
    static final String CA_SUBJECT = "CN=ipcgen test CA";

    private static TestCertificates instance;

    /** The directory holding every file below. */
    final Path dir;
    final X509Certificate ca;

    private TestCertificates(Path dir, X509Certificate ca) {
        this.dir = dir;
        this.ca = ca;
    }

    /** The certificates, made on first use (a few keytool runs, about two seconds). */
    static synchronized TestCertificates get() throws Exception {
        if (instance == null) {
            Path dir = Files.createTempDirectory("ipcgen-tls");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> SocketDirs.delete(dir)));
            instance = make(dir);
        }
        return instance;
    }

    /** {@code name}'s key store ({@code server}, {@code client}, {@code rogue}): key entry {@code name}, chain to the CA. */
    KeyStore keyStore(String name) throws Exception {
        return load(dir.resolve(name + ".p12"));
    }

    /** A store trusting only the CA. */
    KeyStore caTrustStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", ca);
        return store;
    }

    /** {@code name}'s certificate chain as PEM: the certificate, then the CA (none for the rogue). */
    Path chainPem(String name) {
        return dir.resolve(name + "-chain.pem");
    }

    /** {@code name}'s private key as unencrypted PKCS#8 PEM. */
    Path keyPem(String name) {
        return dir.resolve(name + "-key.pem");
    }

    /** The CA certificate as PEM. */
    Path caPem() {
        return dir.resolve("ca.pem");
    }

    private static TestCertificates make(Path dir) throws Exception {
        keytool(dir, "-genkeypair", "-alias", "ca", "-dname", CA_SUBJECT, "-ext", "bc:c",
                "-keystore", "ca.p12");
        X509Certificate ca = certificate(dir, "ca");
        Files.writeString(dir.resolve("ca.pem"), pem("CERTIFICATE", ca.getEncoded()));
        // The three chains are independent: make them side by side (the common pool may have one thread).
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture<Void> server = CompletableFuture.runAsync(
                    () -> signed(dir, "server", SERVER_SUBJECT, "serverAuth", ca), pool);
            CompletableFuture<Void> client = CompletableFuture.runAsync(
                    () -> signed(dir, "client", CLIENT_SUBJECT, "clientAuth", ca), pool);
            CompletableFuture<Void> rogue = CompletableFuture.runAsync(() -> {
                keytool(dir, "-genkeypair", "-alias", "rogue", "-dname", CA_SUBJECT, "-keystore", "rogue.p12");
                writePem(dir, "rogue");
            }, pool);
            CompletableFuture.allOf(server, client, rogue).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdown();
        }
        return new TestCertificates(dir, ca);
    }

    /** The certificate of key store {@code name}'s entry {@code name}. */
    private static X509Certificate certificate(Path dir, String name) {
        try {
            return (X509Certificate) load(dir.resolve(name + ".p12")).getCertificate(name);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + name + "'s certificate", e);
        }
    }

    /** Makes {@code name}'s key, has the CA sign it, and stores the key with the chain. */
    private static void signed(Path dir, String name, String subject, String usage, X509Certificate ca) {
        keytool(dir, "-genkeypair", "-alias", name, "-dname", subject, "-keystore", name + ".p12");
        keytool(dir, "-certreq", "-alias", name, "-keystore", name + ".p12", "-file", name + ".csr");
        keytool(dir, "-gencert", "-alias", "ca", "-keystore", "ca.p12", "-infile", name + ".csr",
                "-outfile", name + ".crt", "-rfc", "-ext", "san=dns:localhost,ip:127.0.0.1", "-ext", "eku=" + usage);
        try {
            KeyStore store = load(dir.resolve(name + ".p12"));
            Key key = store.getKey(name, PASSWORD.toCharArray());
            X509Certificate certificate;
            try (InputStream in = Files.newInputStream(dir.resolve(name + ".crt"))) {
                certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            store.setKeyEntry(name, key, PASSWORD.toCharArray(), new Certificate[] {certificate, ca});
            try (var out = Files.newOutputStream(dir.resolve(name + ".p12"))) {
                store.store(out, PASSWORD.toCharArray());
            }
            writePem(dir, name);
        } catch (Exception e) {
            throw new IllegalStateException("cannot assemble " + name + "'s key store", e);
        }
    }

    private static void writePem(Path dir, String name) {
        try {
            KeyStore store = load(dir.resolve(name + ".p12"));
            PrivateKey key = (PrivateKey) store.getKey(name, PASSWORD.toCharArray());
            StringBuilder chain = new StringBuilder();
            for (Certificate certificate : store.getCertificateChain(name)) {
                chain.append(pem("CERTIFICATE", certificate.getEncoded()));
            }
            Files.writeString(dir.resolve(name + "-chain.pem"), chain);
            Files.writeString(dir.resolve(name + "-key.pem"), pem("PRIVATE KEY", key.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + name + "'s PEM files", e);
        }
    }

    static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    /** Runs keytool in {@code dir} with EC keys and a short-lived JIT, failing with its output. */
    private static void keytool(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "-J-Xshare:auto"));
        command.addAll(List.of(args));
        if (args[0].equals("-genkeypair")) {
            command.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2"));
        }
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD, "-noprompt"));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
