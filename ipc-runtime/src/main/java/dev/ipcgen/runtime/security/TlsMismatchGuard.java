package dev.ipcgen.runtime.security;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * The first handler of a connection's pipeline: looks at the peer's first bytes and, if the peer
 * speaks TLS where this end expects plaintext ipcgen or the other way round, fails the connection
 * at once with a {@link TlsMismatchException} that says so, and closes it. Otherwise it removes
 * itself and passes the bytes on untouched.
 *
 * <p>Without it, a TLS client on a plaintext port would have its ClientHello read as a frame
 * length (up to megabytes) and sit until the handshake timeout; a plaintext client on a TLS port
 * would get Netty's {@code NotSslRecordException} with a hex dump.
 *
 * <p>Place it before Netty's {@code SslHandler} on a TLS endpoint, and before the frame decoder on
 * a plaintext one. Not sharable: one per channel.
 */
public final class TlsMismatchGuard extends ByteToMessageDecoder {

    private final boolean expectTls;

    private TlsMismatchGuard(boolean expectTls) {
        this.expectTls = expectTls;
    }

    /** A guard for an endpoint configured for TLS. */
    public static TlsMismatchGuard expectingTls() {
        return new TlsMismatchGuard(true);
    }

    /** A guard for an endpoint configured for plaintext. */
    public static TlsMismatchGuard expectingPlaintext() {
        return new TlsMismatchGuard(false);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        TlsRecordDetector.Verdict verdict = TlsRecordDetector.classify(in);
        if (verdict == TlsRecordDetector.Verdict.NEED_MORE) {
            return;
        }
        String peer = AbstractSocketNames.describe(ctx.channel().remoteAddress());
        if (expectTls && verdict == TlsRecordDetector.Verdict.IPCGEN) {
            fail(ctx, in, "the peer " + peer + " speaks plaintext ipcgen, but this end requires TLS: "
                    + "configure TLS on the peer too");
        } else if (!expectTls && verdict == TlsRecordDetector.Verdict.TLS) {
            fail(ctx, in, "the peer " + peer + " started a TLS handshake, but this end speaks plaintext: "
                    + "configure TLS on both ends, or on neither");
        } else {
            ctx.pipeline().remove(this);
        }
    }

    /** The peer stopped sending before the guard could decide: hand the few bytes on as they are. */
    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (in.isReadable() && TlsRecordDetector.classify(in) == TlsRecordDetector.Verdict.NEED_MORE) {
            ctx.pipeline().remove(this);
            return;
        }
        super.decodeLast(ctx, in, out);
    }

    private static void fail(ChannelHandlerContext ctx, ByteBuf in, String message) {
        in.skipBytes(in.readableBytes());
        ctx.close();
        throw new TlsMismatchException(message);
    }
}
