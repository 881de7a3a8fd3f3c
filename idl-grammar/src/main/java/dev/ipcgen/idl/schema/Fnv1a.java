package dev.ipcgen.idl.schema;

import java.nio.charset.StandardCharsets;

/**
 * FNV-1a hashes over UTF-8 text, as the wire format uses them: 32 bits for protocol ids,
 * 64 bits for fingerprints (wire-format.md sections 3 and 4).
 */
public final class Fnv1a {

    private static final int OFFSET_32 = 0x811C9DC5;
    private static final int PRIME_32 = 0x01000193;
    private static final long OFFSET_64 = 0xCBF29CE484222325L;
    private static final long PRIME_64 = 0x100000001B3L;

    private Fnv1a() {
    }

    /** FNV-1a 32 of the UTF-8 bytes of {@code text}. */
    public static int hash32(String text) {
        int h = OFFSET_32;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= PRIME_32;
        }
        return h;
    }

    /** FNV-1a 64 of the UTF-8 bytes of {@code text}. */
    public static long hash64(String text) {
        long h = OFFSET_64;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= PRIME_64;
        }
        return h;
    }

    /** The protocol id of {@code name@version}. */
    public static int protocolId(String name, long version) {
        return hash32(name + "@" + version);
    }
}
