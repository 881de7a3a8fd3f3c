package dev.ipcgen.idl.check;

import java.util.OptionalLong;

/** Protocol version numbers: decimal, 1 to 4294967295, no leading zeros. */
public final class ProtocolVersions {

    /** The largest version, the largest u32. */
    public static final long MAX = 0xFFFF_FFFFL;

    private ProtocolVersions() {
    }

    /** The version {@code text} denotes, or empty when it is not a valid version. */
    public static OptionalLong parse(String text) {
        if (text.isEmpty() || text.length() > 10 || text.startsWith("0") || !text.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long v = Long.parseLong(text);
        return v <= MAX ? OptionalLong.of(v) : OptionalLong.empty();
    }
}
