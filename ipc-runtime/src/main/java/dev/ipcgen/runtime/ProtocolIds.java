package dev.ipcgen.runtime;

import java.nio.charset.StandardCharsets;

/** The hashes of wire-format.md sections 3 and 4: protocol ids and fingerprints. */
public final class ProtocolIds {

    private ProtocolIds() {
    }

    /** FNV-1a 32 of {@code name@version}: the protocol id. */
    public static int protocolId(String name, long version) {
        int h = 0x811C9DC5;
        for (byte b : (name + "@" + version).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x01000193;
        }
        return h;
    }

    /** FNV-1a 64 of a protocol's canonical text: its fingerprint. */
    public static long fingerprint(String canonicalText) {
        long h = 0xCBF29CE484222325L;
        for (byte b : canonicalText.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return h;
    }
}
