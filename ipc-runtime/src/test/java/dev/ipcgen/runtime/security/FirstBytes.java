package dev.ipcgen.runtime.security;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/** What each kind of peer sends first, as bytes, for the detector and guard tests. */
final class FirstBytes {

    private FirstBytes() {
    }

    /**
     * An ipcgen frame as on the wire: {@code length:u32 LE}, the 16-byte header with {@code kind},
     * and {@code body}.
     */
    static byte[] frame(int kind, byte[] body) {
        ByteBuffer frame = ByteBuffer.allocate(4 + 16 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        frame.putInt(16 + body.length).put((byte) kind).put((byte) 0).putShort((short) 0).putInt(0).putLong(0);
        return frame.put(body).array();
    }

    /** A HELLO frame serving no protocols: magic "IPC1", wire version 1, max frame 16 MiB. */
    static byte[] hello() {
        ByteBuffer body = ByteBuffer.allocate(4 + 2 + 4 + 8).order(ByteOrder.LITTLE_ENDIAN);
        body.putInt(0x31435049).putShort((short) 1).putInt(16 << 20).putLong(0);
        return frame(1, body.array());
    }

    /** The first TLS record {@code client} sends: its ClientHello. */
    static byte[] clientHello(SSLEngine client) throws SSLException {
        ByteBuffer out = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
        client.wrap(ByteBuffer.allocate(0), out);
        return Arrays.copyOf(out.array(), out.position());
    }
}
