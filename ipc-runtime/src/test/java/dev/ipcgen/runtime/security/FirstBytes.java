package dev.ipcgen.runtime.security;

import dev.ipcgen.runtime.testing.TestFrames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/** What each kind of peer sends first, as bytes, for the detector and guard tests. */
final class FirstBytes {

    private FirstBytes() {
    }

    /** An ipcgen frame of {@code kind} with {@code body}, all other header fields zero. */
    static byte[] frame(int kind, byte[] body) {
        return bytes(TestFrames.frame(kind, 0, 0, 0, 0, body));
    }

    /** A HELLO frame serving no protocols: magic "IPC1", wire version 1, max frame 16 MiB. */
    static byte[] hello() {
        return bytes(TestFrames.hello());
    }

    /** The first TLS record {@code client} sends: its ClientHello. */
    static byte[] clientHello(SSLEngine client) throws SSLException {
        ByteBuffer out = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
        client.wrap(ByteBuffer.allocate(0), out);
        return Arrays.copyOf(out.array(), out.position());
    }

    private static byte[] bytes(ByteBuf frame) {
        try {
            return ByteBufUtil.getBytes(frame);
        } finally {
            frame.release();
        }
    }
}
