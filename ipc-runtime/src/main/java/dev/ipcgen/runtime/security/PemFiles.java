package dev.ipcgen.runtime.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM files: X.509 certificates ({@code -----BEGIN CERTIFICATE-----}) and unencrypted
 * PKCS#8 private keys ({@code -----BEGIN PRIVATE KEY-----}) of RSA, EC or EdDSA. Text outside the
 * blocks (such as OpenSSL's "Bag Attributes" lines) is ignored.
 *
 * <p>Every problem is an {@link IllegalArgumentException} naming the file and, for key formats
 * that are not PKCS#8, the {@code openssl} command that converts them.
 */
public final class PemFiles {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");
    private static final String[] KEY_ALGORITHMS = {"RSA", "EC", "EdDSA", "RSASSA-PSS", "DSA"};

    private PemFiles() {
    }

    /**
     * The certificates in {@code file}, in file order (for a chain: the end entity first).
     *
     * @throws IllegalArgumentException if the file cannot be read, holds no certificate, or holds one
     *     that does not parse
     */
    public static List<X509Certificate> readCertificates(Path file) {
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory factory = x509Factory();
        for (Block block : blocks(file)) {
            if (!block.type.equals("CERTIFICATE")) {
                continue;
            }
            try {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der)));
            } catch (CertificateException e) {
                throw new IllegalArgumentException("certificate " + (certificates.size() + 1) + " in " + file
                        + " does not parse: " + e.getMessage(), e);
            }
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no certificate (expected -----BEGIN CERTIFICATE-----)");
        }
        return List.copyOf(certificates);
    }

    /**
     * The one private key in {@code file}.
     *
     * @throws IllegalArgumentException if the file cannot be read, holds no key or more than one, or
     *     holds an encrypted, PKCS#1 or SEC1 key
     */
    public static PrivateKey readPrivateKey(Path file) {
        List<Block> keys = blocks(file).stream().filter(b -> b.type.endsWith("PRIVATE KEY")).toList();
        if (keys.size() != 1) {
            throw new IllegalArgumentException(file + " holds " + keys.size()
                    + " private keys (expected exactly one -----BEGIN PRIVATE KEY-----)");
        }
        Block key = keys.get(0);
        switch (key.type) {
            case "PRIVATE KEY":
                return pkcs8(key.der, file);
            case "ENCRYPTED PRIVATE KEY":
                throw new IllegalArgumentException(file + " holds an encrypted key, which is not supported: decrypt "
                        + "it (openssl pkcs8 -in " + file + " -out plain.pem) and protect the file by its mode, "
                        + "or use a PKCS12 key store with a password");
            default:
                throw new IllegalArgumentException(file + " holds a " + key.type + " (PKCS#1 or SEC1); convert it "
                        + "to PKCS#8: openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem");
        }
    }

    private static PrivateKey pkcs8(byte[] der, Path file) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException notThisAlgorithm) {
                // The DER names its algorithm by OID; trying each factory avoids parsing it here.
            }
        }
        throw new IllegalArgumentException("the private key in " + file
                + " does not parse as an RSA, EC, EdDSA, RSASSA-PSS or DSA PKCS#8 key");
    }

    private static List<Block> blocks(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e, e);
        }
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            try {
                blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the " + m.group(1) + " block in " + file
                        + " is not valid Base64: " + e.getMessage(), e);
            }
        }
        return blocks;
    }

    private static CertificateFactory x509Factory() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("this JDK has no X.509 certificate factory", e);
        }
    }

    private record Block(String type, byte[] der) {
    }
}
