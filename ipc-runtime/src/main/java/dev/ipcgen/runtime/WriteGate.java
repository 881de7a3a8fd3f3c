package dev.ipcgen.runtime;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Back-pressure for the callers of one connection ({@link WritePolicy}). Counts the bytes of
 * REQUEST and ONEWAY frames handed to the {@link WriteQueue} and not yet to Netty, and lets a caller
 * through only while those plus Netty's outgoing buffer are below the high-water mark; otherwise
 * fails it or blocks it by the policy. Callers on any thread; the event loop wakes the waiting ones.
 * The writable fast path is two volatile reads; locks are taken only while the peer is not reading.
 */
final class WriteGate {

    /** The longest single wait: a wake-up missed for any reason costs at most this. */
    private static final long WAIT_SLICE_MILLIS = 100;

    private final Connection connection;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Object signal = new Object();
    private final AtomicInteger waiters = new AtomicInteger();

    WriteGate(Connection connection) {
        this.connection = connection;
    }

    /**
     * Returns at once when the connection is writable; otherwise fails or waits by the write
     * policy. Returns the nanoseconds waited, which count against the call's timeout.
     *
     * @throws IpcException RESOURCE_EXHAUSTED, DEADLINE_EXCEEDED, CANCELLED or CONNECTION_CLOSED
     */
    long await(MethodDescriptor<?, ?> method, CallOptions options) {
        Channel channel = connection.channel();
        if (isWritable(channel)) {
            return 0;
        }
        EndpointConfig config = connection.config();
        if (config.writePolicy() == WritePolicy.FAIL || onAnEventLoop(channel)) {
            throw failed(ErrorCode.RESOURCE_EXHAUSTED, method, "the peer is not reading: " + backlog(channel));
        }
        long start = System.nanoTime();
        long maxWait = config.maxWriteWaitNanos();
        boolean deadlineFirst = false;
        if (options.timeout().isPresent() && Connection.saturatedNanos(options) < maxWait) {
            maxWait = Connection.saturatedNanos(options);
            deadlineFirst = true;
        }
        waiters.incrementAndGet();
        try {
            synchronized (signal) {
                while (!connection.isClosed() && !isWritable(channel)) {
                    long left = maxWait - (System.nanoTime() - start);
                    if (left <= 0) {
                        long millis = TimeUnit.NANOSECONDS.toMillis(maxWait);
                        throw deadlineFirst
                                ? failed(ErrorCode.DEADLINE_EXCEEDED, method, "no room to send within " + millis
                                        + " ms: the peer is not reading: " + backlog(channel))
                                : failed(ErrorCode.RESOURCE_EXHAUSTED, method, "the peer has not read for " + millis
                                        + " ms: " + backlog(channel));
                    }
                    signal.wait(Math.max(1, Math.min(WAIT_SLICE_MILLIS, TimeUnit.NANOSECONDS.toMillis(left))));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(ErrorCode.CANCELLED, method, "interrupted while waiting for the peer to read");
        } finally {
            waiters.decrementAndGet();
        }
        if (connection.isClosed()) {
            throw connection.closedError(method.fullName());
        }
        return System.nanoTime() - start;
    }

    /** A caller's frame of {@code bytes} goes into the write queue. */
    void queued(int bytes) {
        queuedBytes.addAndGet(bytes);
    }

    /** On the event loop: a caller's frame of {@code bytes} left the write queue (written or dropped). */
    void dequeued(int bytes) {
        queuedBytes.addAndGet(-bytes);
    }

    /** On the event loop, after a drained batch, a writability change or the close: wakes waiting callers. */
    void signal() {
        if (waiters.get() != 0) {
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    /** Bytes of frames waiting to be written on this end: queued calls plus Netty's outgoing buffer. */
    long pendingBytes() {
        return pendingBytes(connection.channel());
    }

    /**
     * Whether a caller may queue another frame: the bytes queued and Netty's outgoing buffer are
     * below the high-water mark (and, once past it, have fallen below the low-water mark). A
     * closed channel is never writable.
     */
    private boolean isWritable(Channel channel) {
        return queuedBytes.get() < channel.bytesBeforeUnwritable();
    }

    private long pendingBytes(Channel channel) {
        ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
        return queuedBytes.get() + (out == null ? 0 : out.totalPendingWriteBytes());
    }

    /** "N bytes wait to be written (high-water mark M)". */
    private String backlog(Channel channel) {
        return pendingBytes(channel) + " bytes wait to be written (high-water mark "
                + channel.config().getWriteBufferHighWaterMark() + ")";
    }

    private IpcException failed(ErrorCode code, MethodDescriptor<?, ?> method, String detail) {
        return IpcException.callFailed(code, method.fullName(), connection.describe(), detail);
    }

    /** Whether this thread is one of the endpoint's event loops (a handler run inline), which must never block. */
    private static boolean onAnEventLoop(Channel channel) {
        for (EventExecutor e : channel.eventLoop().parent()) {
            if (e.inEventLoop()) {
                return true;
            }
        }
        return false;
    }
}
