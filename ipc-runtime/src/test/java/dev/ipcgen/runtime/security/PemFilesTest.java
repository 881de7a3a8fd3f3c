package dev.ipcgen.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PemFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "EC", "Ed25519"})
    void readPrivateKey_pkcs8OfEachAlgorithm(String algorithm) throws Exception {
        PrivateKey key = KeyPairGenerator.getInstance(algorithm).generateKeyPair().getPrivate();
        Path file = Files.writeString(dir.resolve("key.pem"), TestCertificates.pem("PRIVATE KEY", key.getEncoded()));
        assertThat(PemFiles.readPrivateKey(file).getEncoded()).isEqualTo(key.getEncoded());
    }

    @Test
    void readCertificates_chainInOrder_ignoringTextAround() throws Exception {
        TestCertificates certs = TestCertificates.get();
        Path file = Files.writeString(dir.resolve("chain.pem"),
                "Bag Attributes\n    friendlyName: server\n" + Files.readString(certs.chainPem("server")) + "\ntrailer\n");
        List<X509Certificate> chain = PemFiles.readCertificates(file);
        assertThat(chain).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly(TestCertificates.SERVER_SUBJECT, TestCertificates.CA_SUBJECT);
    }

    @Test
    void readCertificates_noCertificate_saysWhatWasExpected() throws Exception {
        Path file = Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
        assertThatThrownBy(() -> PemFiles.readCertificates(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " holds no certificate (expected -----BEGIN CERTIFICATE-----)");
    }

    @Test
    void readCertificates_garbledCertificate_saysWhichOne() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.pem"), TestCertificates.pem("CERTIFICATE", new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> PemFiles.readCertificates(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("certificate 1 in " + file + " does not parse: ");
    }

    @Test
    void readCertificates_missingFile_namesIt() {
        Path file = dir.resolve("missing.pem");
        assertThatThrownBy(() -> PemFiles.readCertificates(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read " + file + ": java.nio.file.NoSuchFileException");
    }

    @Test
    void readPrivateKey_pkcs1_saysHowToConvert() throws Exception {
        Path file = Files.writeString(dir.resolve("rsa.pem"), TestCertificates.pem("RSA PRIVATE KEY", new byte[] {1}));
        assertThatThrownBy(() -> PemFiles.readPrivateKey(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " holds a RSA PRIVATE KEY (PKCS#1 or SEC1); convert it to PKCS#8: "
                        + "openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem");
    }

    @Test
    void readPrivateKey_encrypted_isRefusedWithAWayOut() throws Exception {
        Path file = Files.writeString(dir.resolve("enc.pem"), TestCertificates.pem("ENCRYPTED PRIVATE KEY", new byte[] {1}));
        assertThatThrownBy(() -> PemFiles.readPrivateKey(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + " holds an encrypted key, which is not supported");
    }

    @Test
    void readPrivateKey_noneOrTwo_isAnError() throws Exception {
        Path none = Files.writeString(dir.resolve("none.pem"), "");
        assertThatThrownBy(() -> PemFiles.readPrivateKey(none))
                .hasMessage(none + " holds 0 private keys (expected exactly one -----BEGIN PRIVATE KEY-----)");
        byte[] der = KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate().getEncoded();
        String one = TestCertificates.pem("PRIVATE KEY", der);
        Path two = Files.writeString(dir.resolve("two.pem"), one + one);
        assertThatThrownBy(() -> PemFiles.readPrivateKey(two))
                .hasMessage(two + " holds 2 private keys (expected exactly one -----BEGIN PRIVATE KEY-----)");
    }

    @Test
    void readPrivateKey_garbage_isAnError() throws Exception {
        Path file = Files.writeString(dir.resolve("junk.pem"), TestCertificates.pem("PRIVATE KEY", new byte[] {4, 5, 6}));
        assertThatThrownBy(() -> PemFiles.readPrivateKey(file))
                .hasMessage("the private key in " + file
                        + " does not parse as an RSA, EC, EdDSA, RSASSA-PSS or DSA PKCS#8 key");
    }
}
