package dev.ipcgen.runtime;

import dev.ipcgen.runtime.wire.Frames;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keepalive PINGs and the idle timeout of one connection (builder options {@code keepalive} and
 * {@code idleTimeout}). One timer per connection, re-armed for whichever comes next: a PING once
 * the peer has been silent for the keepalive interval (and again every interval while it stays
 * silent), or the close once it has been silent for the idle timeout. Reads cost one
 * {@link System#nanoTime()} per read batch; calls cost nothing. Event loop only.
 */
final class IdleMonitor implements Runnable {

    private static final long MIN_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Connection connection;
    private final ChannelHandlerContext ctx;
    private final long keepaliveNanos;
    private final long idleTimeoutNanos;
    private long lastReadNanos;
    private long lastPingNanos;
    private ScheduledFuture<?> timer;

    private IdleMonitor(Connection connection, ChannelHandlerContext ctx, long keepaliveNanos, long idleTimeoutNanos) {
        this.connection = connection;
        this.ctx = ctx;
        this.keepaliveNanos = keepaliveNanos;
        this.idleTimeoutNanos = idleTimeoutNanos;
        this.lastReadNanos = System.nanoTime();
        this.lastPingNanos = lastReadNanos;
    }

    /** Starts watching (after the peer's HELLO); {@code null} when neither option is set. */
    static IdleMonitor start(Connection connection, ChannelHandlerContext ctx, EndpointConfig config) {
        if (config.keepaliveNanos() == 0 && config.idleTimeoutNanos() == 0) {
            return null;
        }
        IdleMonitor m = new IdleMonitor(connection, ctx, config.keepaliveNanos(), config.idleTimeoutNanos());
        m.schedule(m.lastReadNanos);
        return m;
    }

    /** The peer sent something. */
    void frameRead() {
        lastReadNanos = System.nanoTime();
    }

    /** The connection failed or closed: no more PINGs, no timeout. */
    void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    public void run() {
        timer = null;
        long now = System.nanoTime();
        long silent = now - lastReadNanos;
        if (idleTimeoutNanos > 0 && silent >= idleTimeoutNanos) {
            connection.idleTimedOut("connection closed by this end after an idle timeout: nothing from "
                    + connection.describe() + " for " + TimeUnit.NANOSECONDS.toMillis(silent) + " ms"
                    + (keepaliveNanos > 0 ? " (PING sent every " + TimeUnit.NANOSECONDS.toMillis(keepaliveNanos)
                            + " ms)" : ""));
            return;
        }
        if (keepaliveNanos > 0 && silent >= keepaliveNanos && now - lastPingNanos >= keepaliveNanos) {
            lastPingNanos = now;
            // The payload is opaque to the peer, which echoes it in its PONG.
            ctx.writeAndFlush(Frames.ping(ctx.alloc(), Frames.PING, now), ctx.voidPromise());
        }
        schedule(now);
    }

    private void schedule(long now) {
        long next = Long.MAX_VALUE;
        if (keepaliveNanos > 0) {
            next = Math.max(lastReadNanos, lastPingNanos) + keepaliveNanos - now;
        }
        if (idleTimeoutNanos > 0) {
            next = Math.min(next, lastReadNanos + idleTimeoutNanos - now);
        }
        timer = ctx.executor().schedule(this, Math.max(next, MIN_DELAY_NANOS), TimeUnit.NANOSECONDS);
    }
}
