package dev.ipcgen.runtime.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;
import java.util.Map;
import dev.ipcgen.runtime.Bytes;

/**
 * One received frame whose header has been checked: the header fields and the body (a retained
 * slice of the received bytes, which the receiver must release).
 */
public final class Frame extends DefaultByteBufHolder {

    /** {@link #timeoutMicros()} when the frame carried no timeout. */
    public static final long NO_TIMEOUT = -1;

    private final int kind;
    private final int flags;
    private final int method;
    private final int protocol;
    private final long callId;
    private final long timeoutMicros;
    private final Map<String, Bytes> metadata;

    /** A frame; {@code body} is owned by the new frame. */
    public Frame(int kind, int flags, int method, int protocol, long callId, long timeoutMicros,
            Map<String, Bytes> metadata, ByteBuf body) {
        super(body);
        this.kind = kind;
        this.flags = flags;
        this.method = method;
        this.protocol = protocol;
        this.callId = callId;
        this.timeoutMicros = timeoutMicros;
        this.metadata = metadata;
    }

    /** The kind, one of the constants of {@link Frames}. */
    public int kind() {
        return kind;
    }

    /** The flag bits. */
    public int flags() {
        return flags;
    }

    /** The method index, 0 to 65535. */
    public int method() {
        return method;
    }

    /** The protocol id. */
    public int protocol() {
        return protocol;
    }

    /** The call id. */
    public long callId() {
        return callId;
    }

    /** The REQUEST's timeout in microseconds (unsigned), or {@link #NO_TIMEOUT}. */
    public long timeoutMicros() {
        return timeoutMicros;
    }

    /** The metadata sent with a REQUEST or ONEWAY; empty if none. */
    public Map<String, Bytes> metadata() {
        return metadata;
    }

    /** The body. */
    public ByteBuf body() {
        return content();
    }

    @Override
    public String toString() {
        return Frames.kindName(kind) + "[flags=" + flags + ", method=" + method
                + String.format(", protocol=0x%08X", protocol) + ", callId=" + Long.toUnsignedString(callId)
                + ", body=" + content().readableBytes() + " bytes]";
    }
}
