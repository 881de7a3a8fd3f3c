package dev.ipcgen.runtime.wire;

import dev.ipcgen.runtime.ErrorCode;
import dev.ipcgen.runtime.ProtocolIds;
import dev.ipcgen.runtime.ProtocolInfo;
import dev.ipcgen.runtime.codec.Bincode;
import dev.ipcgen.runtime.codec.DecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * The HELLO body (wire-format.md section 4): what an end serves and the largest frame it accepts.
 *
 * @param maxFrameLength the largest {@code length} the sender accepts, 65,536 to 4294967295
 * @param protocols the protocols the sender serves
 */
public record Hello(long maxFrameLength, List<ProtocolInfo> protocols) {

    /** The bytes "IPC1", read as a little-endian u32. */
    public static final int MAGIC = 0x31435049;
    /** The wire version this runtime speaks. */
    public static final int WIRE_VERSION = 1;

    /** Copies the list. */
    public Hello {
        protocols = List.copyOf(protocols);
    }

    /** The whole HELLO frame, length prefix included. */
    public ByteBuf encode(ByteBufAllocator alloc) {
        ByteBuf out = alloc.buffer(64 + 64 * protocols.size());
        int start = Frames.begin(out, Frames.HELLO, 0, 0, 0, 0);
        out.writeIntLE(MAGIC);
        out.writeShortLE(WIRE_VERSION);
        Bincode.writeU32(out, maxFrameLength, "max_frame_length");
        Bincode.writeLength(out, protocols.size());
        for (ProtocolInfo p : protocols) {
            out.writeIntLE(p.id());
            Bincode.writeString(out, p.name());
            Bincode.writeU32(out, p.version(), "version");
            out.writeLongLE(p.fingerprint());
        }
        Frames.end(out, start);
        return out;
    }

    /**
     * Reads a HELLO body and checks it.
     *
     * @throws WireException ({@code PROTOCOL_ERROR}) if it does not decode, has the wrong magic or
     *     version, a maximum below 65,536, or a protocol whose id is not the hash of its name and version
     */
    public static Hello decode(ByteBuf body) {
        try {
            long magic = Bincode.readU32(body);
            if (magic != (MAGIC & 0xFFFF_FFFFL)) {
                throw violation(String.format("HELLO magic 0x%08X (expected: 0x%08X, \"IPC1\")", magic, MAGIC));
            }
            int version = Bincode.readU16(body);
            if (version != WIRE_VERSION) {
                throw violation("HELLO wire version " + version + " (expected: " + WIRE_VERSION + ")");
            }
            long max = Bincode.readU32(body);
            if (max < Frames.MIN_MAX_FRAME_LENGTH) {
                throw violation("HELLO max_frame_length " + max + " (expected: at least " + Frames.MIN_MAX_FRAME_LENGTH + ")");
            }
            int n = Bincode.readLength(body, 24, "HELLO protocols");
            List<ProtocolInfo> protocols = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int id = (int) Bincode.readU32(body);
                String name = Bincode.readString(body);
                long protocolVersion = Bincode.readU32(body);
                long fingerprint = Bincode.readU64(body);
                int expected = ProtocolIds.protocolId(name, protocolVersion);
                if (id != expected) {
                    throw violation(String.format("HELLO protocol %s@%d has id 0x%08X (expected: 0x%08X)",
                            name, protocolVersion, id, expected));
                }
                protocols.add(new ProtocolInfo(id, name, protocolVersion, fingerprint));
            }
            return new Hello(max, protocols);
        } catch (DecodeException e) {
            throw violation("HELLO does not decode: " + e.getMessage());
        }
    }

    private static WireException violation(String message) {
        return new WireException(ErrorCode.PROTOCOL_ERROR, message);
    }
}
