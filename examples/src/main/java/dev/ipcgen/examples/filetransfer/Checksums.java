package dev.ipcgen.examples.filetransfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a file, as both ends of the file-transfer example compute it. */
public final class Checksums {

    private Checksums() {
    }

    /** The SHA-256 of everything in {@code file}, read from position 0. */
    public static byte[] sha256(FileChannel file) throws IOException {
        MessageDigest digest = newDigest();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long position = 0;
        int n;
        while ((n = file.read(buffer, position)) > 0) {
            position += n;
            buffer.flip();
            digest.update(buffer);
            buffer.clear();
        }
        return digest.digest();
    }

    /** Lower-case hex. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
