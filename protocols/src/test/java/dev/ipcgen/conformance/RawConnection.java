package dev.ipcgen.conformance;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * A connection that speaks the wire format from bytes written by hand: a plain JDK
 * {@link SocketChannel}, no ipcgen code on this side.
 */
final class RawConnection implements AutoCloseable {

    private final SocketChannel channel;

    private RawConnection(SocketChannel channel) {
        this.channel = channel;
    }

    static RawConnection open(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        ch.configureBlocking(true);
        return new RawConnection(ch);
    }

    /** Bytes from hex, spaces ignored. */
    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", "").replace("\n", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    void send(String hexBytes) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(hex(hexBytes));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    /** Reads one whole frame, its length prefix included; null at end of stream. */
    byte[] readFrame() throws IOException {
        ByteBuffer len = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        if (!readFully(len)) {
            return null;
        }
        int length = len.getInt(0);
        if (length < 16 || length > (1 << 24)) {
            throw new IOException("peer sent frame length " + length);
        }
        ByteBuffer rest = ByteBuffer.allocate(4 + length);
        rest.put(len.array());
        if (!readFully(rest)) {
            throw new IOException("end of stream inside a frame of length " + length);
        }
        return rest.array();
    }

    /** True when the peer has closed: the next read sees end of stream. */
    boolean isClosedByPeer() throws IOException {
        return channel.read(ByteBuffer.allocate(1)) == -1;
    }

    private boolean readFully(ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            if (channel.read(buf) == -1) {
                if (buf.position() == 0) {
                    return false;
                }
                throw new IOException("end of stream after " + buf.position() + " bytes");
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
