package dev.ipcgen.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A SHA-256 over everything a generation run depends on: the generator's identity, the options,
 * and each input's path and content. Two runs with the same fingerprint produce the same files, so
 * the second can be skipped.
 */
final class InputFingerprint {

    private static final HexFormat HEX = HexFormat.of();

    private InputFingerprint() {
    }

    /**
     * Computes the fingerprint.
     *
     * @param generatorIdentity what identifies the generator's code (its version, and for a
     *     snapshot the hashes of its jars)
     * @param options every option that changes the output, as name to value; the order of the map
     *     is the order hashed
     * @param baseDir the folder the input paths are made relative to, so moving a project does not
     *     change its fingerprint
     * @param inputs the files; their order does not matter
     * @return 64 lowercase hex digits
     * @throws UncheckedIOException if an input cannot be read
     */
    static String compute(String generatorIdentity, SortedMap<String, String> options, Path baseDir,
            List<Path> inputs) {
        MessageDigest digest = sha256();
        update(digest, "ipcgen-fingerprint-1");
        update(digest, generatorIdentity);
        for (Map.Entry<String, String> option : options.entrySet()) {
            update(digest, option.getKey());
            update(digest, option.getValue());
        }
        List<String> entries = new ArrayList<>(inputs.size());
        for (Path input : inputs) {
            entries.add(displayPath(baseDir, input) + "\0" + hashFile(input));
        }
        entries.sort(null);
        update(digest, Integer.toString(entries.size()));
        entries.forEach(entry -> update(digest, entry));
        return HEX.formatHex(digest.digest());
    }

    /** The SHA-256 of a file's content, in hex. */
    static String hashFile(Path file) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return HEX.formatHex(digest.digest());
    }

    /** {@code file} relative to {@code baseDir} with {@code /} separators, or absolute when outside it. */
    static String displayPath(Path baseDir, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = baseDir.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return shown.toString().replace(shown.getFileSystem().getSeparator(), "/");
    }

    // Each value is length-prefixed, so ("ab", "c") and ("a", "bc") never hash alike.
    private static void update(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
