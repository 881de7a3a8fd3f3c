package dev.ipcgen.runtime.security;

import io.netty.buffer.ByteBuf;

/**
 * Tells from the first bytes a peer sends whether it started a TLS handshake or speaks plaintext
 * ipcgen, without consuming them. Both look alike only on paper:
 *
 * <pre>
 *  byte:        0      1      2      3      4      5
 *  TLS:       0x16   0x03   0x00-  record length   handshake type
 *           handshake major  0x04  (big-endian,    (1 = ClientHello,
 *                                   16..18432)      2 = ServerHello)
 *  ipcgen:    frame length (u32, little-endian;    kind   flags
 *             byte 3 is 0 below 16 MiB)            1 or 5 0
 * </pre>
 *
 * <p>An ipcgen first frame (HELLO, kind 1, or the refusal ERROR, kind 5) has byte 3 = 0 and byte 4
 * at most 9, i.e. a "record length" of at most 9, which no TLS implementation sends as its first
 * handshake record; so the two never collide.
 */
public final class TlsRecordDetector {

    /** How many bytes {@link #classify} needs at most to decide. */
    public static final int BYTES_NEEDED = 6;

    private static final int HANDSHAKE = 0x16;
    private static final int MIN_FIRST_RECORD = 16;
    private static final int MAX_RECORD = 16384 + 2048;
    private static final int KIND_HELLO = 1;
    private static final int KIND_ERROR = 5;

    /** What the first bytes look like. */
    public enum Verdict {
        /** Too few bytes to tell yet. */
        NEED_MORE,
        /** A TLS handshake record. */
        TLS,
        /** A plaintext ipcgen frame: HELLO, or the ERROR that refuses a connection. */
        IPCGEN,
        /** Neither: some other protocol, or garbage. */
        OTHER
    }

    private TlsRecordDetector() {
    }

    /** Classifies the readable bytes of {@code in} from its reader index, which it leaves unchanged. */
    public static Verdict classify(ByteBuf in) {
        int start = in.readerIndex();
        int readable = in.readableBytes();
        if (readable >= 5 && in.getUnsignedByte(start) == HANDSHAKE && in.getUnsignedByte(start + 1) == 3
                && in.getUnsignedByte(start + 2) <= 4) {
            int recordLength = in.getUnsignedShort(start + 3);
            if (recordLength >= MIN_FIRST_RECORD && recordLength <= MAX_RECORD) {
                return Verdict.TLS;
            }
        }
        if (readable < BYTES_NEEDED) {
            return Verdict.NEED_MORE;
        }
        int kind = in.getUnsignedByte(start + 4);
        boolean ipcgen = in.getUnsignedByte(start + 3) == 0 && (kind == KIND_HELLO || kind == KIND_ERROR)
                && in.getUnsignedByte(start + 5) == 0;
        return ipcgen ? Verdict.IPCGEN : Verdict.OTHER;
    }
}
