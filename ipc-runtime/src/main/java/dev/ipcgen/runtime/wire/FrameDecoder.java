package dev.ipcgen.runtime.wire;

import dev.ipcgen.runtime.Bytes;
import dev.ipcgen.runtime.ErrorCode;
import dev.ipcgen.runtime.codec.Bincode;
import dev.ipcgen.runtime.codec.Codecs;
import dev.ipcgen.runtime.codec.DecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.Map;

/**
 * Splits the byte stream into {@link Frame}s and checks everything a frame says about itself
 * (wire-format.md section 1): the length against this end's maximum, before anything is
 * allocated; the kind; the flag bits and which kinds may carry them; the metadata; a PING or
 * PONG body of exactly 8 bytes. A violation is thrown as a {@link WireException} (wrapped by
 * Netty in a {@code DecoderException}), after which every further byte is discarded; the
 * connection handler answers it with an {@code ERROR} and closes. Checks that need the
 * connection's state (HELLO first, call ids in flight) are the connection's.
 */
public final class FrameDecoder extends ByteToMessageDecoder {

    private static final int MAX_KIND = Frames.PONG;
    private static final int MIN_METADATA_ENTRY = 16;

    private final long maxFrameLength;
    private boolean failed;

    /** @param maxFrameLength the largest {@code length} this end accepts */
    public FrameDecoder(int maxFrameLength) {
        if (maxFrameLength < Frames.MIN_MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("maxFrameLength " + maxFrameLength + " (expected: at least "
                    + Frames.MIN_MAX_FRAME_LENGTH + ")");
        }
        this.maxFrameLength = maxFrameLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int start = in.readerIndex();
        if (in.readableBytes() < Frames.LENGTH_FIELD) {
            return;
        }
        long length = in.getUnsignedIntLE(start);
        if (length > maxFrameLength) {
            throw fail(in, ErrorCode.FRAME_TOO_LARGE, "frame length " + length + " exceeds this end's maximum of "
                    + maxFrameLength);
        }
        if (length < Frames.HEADER) {
            throw fail(in, ErrorCode.PROTOCOL_ERROR, "frame length " + length + " is shorter than the "
                    + Frames.HEADER + "-byte header");
        }
        if (in.readableBytes() < Frames.LENGTH_FIELD + length) {
            return;
        }
        int h = start + Frames.LENGTH_FIELD;
        int end = h + (int) length;
        int kind = in.getUnsignedByte(h);
        int flags = in.getUnsignedByte(h + 1);
        int method = in.getUnsignedShortLE(h + 2);
        int protocol = in.getIntLE(h + 4);
        long callId = in.getLongLE(h + 8);
        if (kind < Frames.HELLO || kind > MAX_KIND) {
            throw fail(in, ErrorCode.PROTOCOL_ERROR, "unknown frame kind " + kind + " (expected: 1..9)");
        }
        if ((flags & ~Frames.KNOWN_FLAGS) != 0) {
            throw fail(in, ErrorCode.PROTOCOL_ERROR, "unknown flag bits 0x" + Integer.toHexString(flags)
                    + " on " + Frames.kindName(kind) + " (expected: only bits 0 and 1)");
        }
        if ((flags & Frames.FLAG_TIMEOUT) != 0 && kind != Frames.REQUEST) {
            throw fail(in, ErrorCode.PROTOCOL_ERROR, "timeout flag on " + Frames.kindName(kind)
                    + " (expected: only on REQUEST)");
        }
        if ((flags & Frames.FLAG_METADATA) != 0 && kind != Frames.REQUEST && kind != Frames.ONEWAY) {
            throw fail(in, ErrorCode.PROTOCOL_ERROR, "metadata flag on " + Frames.kindName(kind)
                    + " (expected: only on REQUEST or ONEWAY)");
        }
        int p = h + Frames.HEADER;
        long timeout = Frame.NO_TIMEOUT;
        if ((flags & Frames.FLAG_TIMEOUT) != 0) {
            if (end - p < 8) {
                throw fail(in, ErrorCode.PROTOCOL_ERROR, "frame length " + length
                        + " leaves no room for the timeout its flags announce");
            }
            timeout = in.getLongLE(p);
            p += 8;
        }
        Map<String, Bytes> metadata = Map.of();
        if ((flags & Frames.FLAG_METADATA) != 0) {
            if (end - p < 8) {
                throw fail(in, ErrorCode.PROTOCOL_ERROR, "frame length " + length
                        + " leaves no room for the metadata its flags announce");
            }
            ByteBuf view = in.slice(p, end - p);
            try {
                metadata = Bincode.readMap(view, Codecs.STRING, Codecs.BYTES, MIN_METADATA_ENTRY);
            } catch (DecodeException e) {
                throw fail(in, ErrorCode.PROTOCOL_ERROR, "metadata does not decode: " + e.getMessage());
            }
            p += view.readerIndex();
        }
        if ((kind == Frames.PING || kind == Frames.PONG) && end - p != 8) {
            throw fail(in, ErrorCode.PROTOCOL_ERROR, Frames.kindName(kind) + " body of " + (end - p)
                    + " bytes (expected: 8)");
        }
        ByteBuf body = in.retainedSlice(p, end - p);
        in.readerIndex(end);
        out.add(new Frame(kind, flags, method, protocol, callId, timeout, metadata, body));
    }

    private WireException fail(ByteBuf in, ErrorCode code, String message) {
        failed = true;
        in.skipBytes(in.readableBytes());
        return new WireException(code, message);
    }
}
