package dev.ipcgen.runtime;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable sequence of bytes with value equality: the Java type of the IDL's {@code Bytes}
 * and {@code Vec<u8>}.
 */
public final class Bytes {

    /** No bytes. */
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] bytes;

    private Bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}. */
    public static Bytes of(byte... bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
    }

    /** A copy of {@code length} bytes of {@code bytes} from {@code offset}. */
    public static Bytes of(byte[] bytes, int offset, int length) {
        return new Bytes(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /** Takes ownership of {@code bytes} without a copy; the caller must not change them later. */
    public static Bytes wrapUnsafe(byte[] bytes) {
        return new Bytes(bytes);
    }

    /** The number of bytes. */
    public int length() {
        return bytes.length;
    }

    /** The byte at {@code index}. */
    public byte get(int index) {
        return bytes[index];
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Appends the bytes to {@code out}. */
    public void writeTo(ByteBuf out) {
        out.writeBytes(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Lowercase hex, shortened past 64 bytes. */
    @Override
    public String toString() {
        if (bytes.length <= 64) {
            return "Bytes[" + HexFormat.of().formatHex(bytes) + "]";
        }
        return "Bytes[" + bytes.length + ": " + HexFormat.of().formatHex(bytes, 0, 64) + "...]";
    }
}
