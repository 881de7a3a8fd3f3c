package dev.ipcgen.runtime.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * Frames written byte by byte, independently of the runtime's own writers, for tests that check
 * what goes over the wire (wire-format.md). All integers little-endian.
 */
public final class TestFrames {

    private TestFrames() {
    }

    /** HELLO. */
    public static final int HELLO = 1;
    /** REQUEST. */
    public static final int REQUEST = 2;
    /** RESPONSE. */
    public static final int RESPONSE = 3;
    /** ONEWAY. */
    public static final int ONEWAY = 4;
    /** ERROR. */
    public static final int ERROR = 5;
    /** CANCEL. */
    public static final int CANCEL = 6;
    /** GOAWAY. */
    public static final int GOAWAY = 7;
    /** PING. */
    public static final int PING = 8;
    /** PONG. */
    public static final int PONG = 9;

    /** A frame with {@code rest} (optional fields and body) after the 16-byte header. */
    public static ByteBuf frame(int kind, int flags, int method, int protocol, long callId, byte[] rest) {
        ByteBuf b = Unpooled.buffer();
        b.writeIntLE(16 + rest.length);
        b.writeByte(kind);
        b.writeByte(flags);
        b.writeShortLE(method);
        b.writeIntLE(protocol);
        b.writeLongLE(callId);
        b.writeBytes(rest);
        return b;
    }

    /** A frame whose header says {@code length}, followed by {@code rest} only. */
    public static ByteBuf rawLength(long length, byte[] rest) {
        ByteBuf b = Unpooled.buffer();
        b.writeIntLE((int) length);
        b.writeBytes(rest);
        return b;
    }

    /** A HELLO frame; {@code protocols} as (id, name, version, fingerprint) quadruples. */
    public static ByteBuf hello(long magic, int version, long maxFrameLength, Object... protocols) {
        Body body = new Body().u32(magic).u16(version).u32(maxFrameLength).u64(protocols.length / 4);
        for (int i = 0; i < protocols.length; i += 4) {
            body.u32(((Number) protocols[i]).longValue()).string((String) protocols[i + 1])
                    .u32(((Number) protocols[i + 2]).longValue()).u64(((Number) protocols[i + 3]).longValue());
        }
        return frame(HELLO, 0, 0, 0, 0, body.bytes());
    }

    /** A valid HELLO of a peer that serves nothing and accepts 16 MiB frames. */
    public static ByteBuf hello() {
        return hello(0x31435049L, 1, 16 * 1024 * 1024);
    }

    /** An ERROR frame. */
    public static ByteBuf error(int protocol, int method, long callId, long code, String message) {
        return frame(ERROR, 0, method, protocol, callId, new Body().u32(code).string(message).bytes());
    }

    /** Hex of the readable bytes, for comparisons with readable failure output. */
    public static String hex(ByteBuf b) {
        return ByteBufUtil.hexDump(b);
    }

    /** Builds a body in the bincode encoding. */
    public static final class Body {
        private final ByteBuf b = Unpooled.buffer();

        /** A u8. */
        public Body u8(int v) {
            b.writeByte(v);
            return this;
        }

        /** A u16. */
        public Body u16(int v) {
            b.writeShortLE(v);
            return this;
        }

        /** A u32. */
        public Body u32(long v) {
            b.writeIntLE((int) v);
            return this;
        }

        /** A u64 or i64. */
        public Body u64(long v) {
            b.writeLongLE(v);
            return this;
        }

        /** A String: u64 length and UTF-8. */
        public Body string(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            b.writeLongLE(utf8.length);
            b.writeBytes(utf8);
            return this;
        }

        /** Raw bytes. */
        public Body raw(byte... bytes) {
            b.writeBytes(bytes);
            return this;
        }

        /** The bytes so far. */
        public byte[] bytes() {
            return ByteBufUtil.getBytes(b);
        }
    }
}
