package dev.ipcgen.runtime.wire;

import dev.ipcgen.runtime.codec.Bincode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The frame layout of wire-format.md section 1, and writers for it. Every integer is little-endian.
 *
 * <pre>
 * +----------+------+-------+--------+----------+---------+-----------+------------+------+
 * | length   | kind | flags | method | protocol | call_id | [timeout] | [metadata] | body |
 * | u32      | u8   | u8    | u16    | u32      | u64     | u64       | HashMap    |      |
 * +----------+------+-------+--------+----------+---------+-----------+------------+------+
 *            |&lt;------------ header, 16 bytes ------------&gt;|
 *            |&lt;------------------------- length counts these bytes ------------------------&gt;|
 * </pre>
 *
 * <p>Writers reserve the length, write the rest, then patch the length ({@link #begin}, {@link #end}),
 * so a body is encoded once, straight into the outgoing buffer.
 */
public final class Frames {

    private Frames() {
    }

    /** Bytes of the length prefix. */
    public static final int LENGTH_FIELD = 4;
    /** Bytes of the header after the length. */
    public static final int HEADER = 16;
    /** The smallest {@code max_frame_length} an end may announce. */
    public static final int MIN_MAX_FRAME_LENGTH = 65_536;
    /** The default {@code max_frame_length}: 16 MiB. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 16 * 1024 * 1024;

    /** First frame of each end. */
    public static final int HELLO = 1;
    /** A call. */
    public static final int REQUEST = 2;
    /** A call's answer. */
    public static final int RESPONSE = 3;
    /** A message with no answer. */
    public static final int ONEWAY = 4;
    /** A call's failure, or (call id 0) the connection's. */
    public static final int ERROR = 5;
    /** The caller gave up on a call. */
    public static final int CANCEL = 6;
    /** An end stops starting calls. */
    public static final int GOAWAY = 7;
    /** Liveness probe. */
    public static final int PING = 8;
    /** Answer to a PING. */
    public static final int PONG = 9;

    /** Flag bit 0: a {@code timeout:u64} follows the header (REQUEST only). */
    public static final int FLAG_TIMEOUT = 1;
    /** Flag bit 1: metadata follows (REQUEST and ONEWAY only). */
    public static final int FLAG_METADATA = 2;
    /** Every flag bit that has a meaning. */
    public static final int KNOWN_FLAGS = FLAG_TIMEOUT | FLAG_METADATA;

    private static final String[] KIND_NAMES = {
        "kind 0", "HELLO", "REQUEST", "RESPONSE", "ONEWAY", "ERROR", "CANCEL", "GOAWAY", "PING", "PONG",
    };

    /** The name of a kind, e.g. {@code REQUEST}, or {@code kind 12} when unknown. */
    public static String kindName(int kind) {
        return kind >= 0 && kind < KIND_NAMES.length ? KIND_NAMES[kind] : "kind " + kind;
    }

    /**
     * Writes a length placeholder and the header.
     *
     * @return where the frame starts, for {@link #end}
     */
    public static int begin(ByteBuf out, int kind, int flags, int method, int protocol, long callId) {
        int start = out.writerIndex();
        out.writeIntLE(0);
        out.writeByte(kind);
        out.writeByte(flags);
        out.writeShortLE(method);
        out.writeIntLE(protocol);
        out.writeLongLE(callId);
        return start;
    }

    /**
     * Patches the length of the frame started at {@code start}.
     *
     * @return the frame's {@code length} field (its size less the 4-byte prefix)
     */
    public static long end(ByteBuf out, int start) {
        int length = out.writerIndex() - start - LENGTH_FIELD;
        out.setIntLE(start, length);
        return length;
    }

    /** An {@code ERROR} frame. */
    public static ByteBuf error(ByteBufAllocator alloc, int protocol, int method, long callId, long code, String message) {
        ByteBuf out = alloc.buffer(64 + message.length());
        int start = begin(out, ERROR, 0, method, protocol, callId);
        Bincode.writeU32(out, code, "code");
        Bincode.writeString(out, message);
        end(out, start);
        return out;
    }

    /** A {@code PING} or {@code PONG} frame carrying {@code payload}. */
    public static ByteBuf ping(ByteBufAllocator alloc, int kind, long payload) {
        ByteBuf out = alloc.buffer(LENGTH_FIELD + HEADER + 8);
        int start = begin(out, kind, 0, 0, 0, 0);
        out.writeLongLE(payload);
        end(out, start);
        return out;
    }

    /** A {@code CANCEL} frame for a call. */
    public static ByteBuf cancel(ByteBufAllocator alloc, int protocol, int method, long callId) {
        ByteBuf out = alloc.buffer(LENGTH_FIELD + HEADER);
        int start = begin(out, CANCEL, 0, method, protocol, callId);
        end(out, start);
        return out;
    }

    /** A {@code GOAWAY} frame. */
    public static ByteBuf goAway(ByteBufAllocator alloc, String reason) {
        ByteBuf out = alloc.buffer(64 + reason.length());
        int start = begin(out, GOAWAY, 0, 0, 0, 0);
        Bincode.writeString(out, reason);
        end(out, start);
        return out;
    }
}
