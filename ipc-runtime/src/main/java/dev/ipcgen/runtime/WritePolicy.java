package dev.ipcgen.runtime;

/**
 * What a caller's thread does when it starts a call or sends a one-way message while the
 * connection is not writable: the peer is not reading, and the bytes waiting to be written on this
 * end (queued, plus Netty's outgoing buffer) have reached the high-water mark (builder option
 * {@code writeBufferWaterMarks}, default 1 MiB, writable again below the low-water mark, default
 * 256 KiB). Either way nothing is buffered without bound: at most the high-water mark plus one
 * frame per sending thread. Answers a handler sends are not held back.
 */
public enum WritePolicy {
    /**
     * The default. Block the calling thread until the connection is writable again, at most for
     * the call's timeout (then {@link ErrorCode#DEADLINE_EXCEEDED}) and at most for the endpoint's
     * {@code maxWriteWait} (default 30 s; then {@link ErrorCode#RESOURCE_EXHAUSTED}), or until the
     * connection closes ({@link ErrorCode#CONNECTION_CLOSED}). An interrupted thread stops waiting
     * with {@link ErrorCode#CANCELLED}. A thread that must not block (one of the endpoint's event
     * loops, e.g. a handler run inline) fails as with {@link #FAIL}. The time waited counts against
     * the call's timeout.
     */
    WAIT,
    /**
     * Fail the call or message at once with {@link ErrorCode#RESOURCE_EXHAUSTED} ("the peer is not
     * reading: N bytes wait to be written (high-water mark M)"); nothing is sent.
     */
    FAIL
}
