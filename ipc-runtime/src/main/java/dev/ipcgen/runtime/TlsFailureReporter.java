package dev.ipcgen.runtime;

import dev.ipcgen.runtime.security.AbstractSocketNames;
import dev.ipcgen.runtime.security.TlsMismatchException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.util.function.Supplier;

/**
 * On a TLS server connection, right after Netty's {@code SslHandler}: logs and counts
 * ({@link IpcStats#failedTlsHandshakes()}) the first TLS failure before the handshake completes
 * (an untrusted or missing client certificate, a handshake timeout, a plaintext peer), which the
 * authorization gate behind it would otherwise close on silently. Removes itself once the
 * handshake succeeds or its one failure is reported. Not sharable: one per channel.
 */
final class TlsFailureReporter extends ChannelInboundHandlerAdapter {

    private static final InternalLogger log = InternalLoggerFactory.getInstance(TlsFailureReporter.class);

    private final Supplier<String> local;
    private final IpcStats stats;

    /** @param local how logs name the server */
    TlsFailureReporter(Supplier<String> local, IpcStats stats) {
        this.local = local;
        this.stats = stats;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        report(ctx, cause);
        ctx.fireExceptionCaught(cause);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent) {
            SslHandshakeCompletionEvent done = (SslHandshakeCompletionEvent) evt;
            if (done.isSuccess()) {
                ctx.pipeline().remove(this);
            } else {
                report(ctx, done.cause());
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    private void report(ChannelHandlerContext ctx, Throwable cause) {
        Throwable reason = cause;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TlsMismatchException) {
                reason = t;
            }
        }
        stats.failedTlsHandshake();
        log.warn("{}: TLS with client {} failed, connection closed: {}", local.get(),
                AbstractSocketNames.describe(ctx.channel().remoteAddress()), reason.getMessage());
        ctx.pipeline().remove(this);
    }
}
