package dev.ipcgen.runtime;

import dev.ipcgen.runtime.codec.Codec;
import dev.ipcgen.runtime.wire.ErrorBody;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One call this end made, from its encoded REQUEST to its answer. As a {@link WriteCommand} it
 * registers itself in the connection's call table and writes the REQUEST on the event loop; as a
 * {@link Runnable} it decodes the answer and completes the future on the callback executor.
 */
final class PendingCall<Resp> implements WriteCommand, Runnable {

    final MethodDescriptor<?, Resp> method;
    final long callId;
    final CompletableFuture<Resp> future = new CallFuture();
    private final Connection connection;
    private final long timeoutNanos;
    private ByteBuf request;
    private ScheduledFuture<?> timer;
    private ByteBuf responseBody;
    private IpcException failure;

    PendingCall(Connection connection, MethodDescriptor<?, Resp> method, long callId, ByteBuf request,
            long timeoutNanos) {
        this.connection = connection;
        this.method = method;
        this.callId = callId;
        this.request = request;
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void write(Connection c) {
        ByteBuf r = request;
        request = null;
        c.dequeued(r.readableBytes());
        if (future.isDone()) {
            // Cancelled by the caller before it went out: nothing to send, nothing to cancel.
            r.release();
            return;
        }
        if (!c.register(this)) {
            r.release();
            fail(c.closedError(method.fullName()));
            return;
        }
        if (timeoutNanos >= 0) {
            timer = c.eventLoop().schedule(new Expiry(), timeoutNanos, TimeUnit.NANOSECONDS);
        }
        c.write(r);
    }

    @Override
    public void abandon(Connection c) {
        if (request != null) {
            c.dequeued(request.readableBytes());
            request.release();
            request = null;
        }
        fail(c.closedError(method.fullName()));
    }

    /** On the event loop, after removal from the call table: the RESPONSE arrived; takes {@code body}. */
    void respond(ByteBuf body) {
        cancelTimer();
        responseBody = body;
        connection.runCallbackAfterRead(this);
    }

    /** On the event loop, after removal from the call table: the callee answered ERROR. */
    void failRemote(ErrorBody error) {
        cancelTimer();
        fail(IpcException.callFailed(ErrorCode.fromWire(error.code()), error.code(), method.fullName(),
                connection.describe(), error.message()));
    }

    /** Fails the call (on the callback executor); the caller makes sure this happens once. */
    void fail(IpcException e) {
        cancelTimer();
        failure = e;
        connection.runCallback(this);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    public void run() {
        if (failure != null) {
            future.completeExceptionally(failure);
            return;
        }
        ByteBuf body = responseBody;
        responseBody = null;
        Resp response;
        try {
            Codec<Resp> codec = method.responseCodec();
            response = codec.decode(body);
        } catch (RuntimeException e) {
            future.completeExceptionally(IpcException.callFailed(ErrorCode.BAD_RESPONSE, method.fullName(),
                    connection.describe(), "the response does not decode: " + e.getMessage()));
            return;
        } finally {
            body.release();
        }
        future.complete(response);
    }

    /** On the event loop: the caller cancelled its future; tell the callee if the call is in flight. */
    void cancelled() {
        if (connection.unregister(this)) {
            cancelTimer();
            connection.cancel(method, callId);
        }
    }

    /**
     * The caller's future: {@code cancel} also cancels the call on the wire (wire-format.md section
     * 2, CANCEL), so the callee's handler can stop.
     */
    private final class CallFuture extends CompletableFuture<Resp> {
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                connection.onEventLoop(PendingCall.this::cancelled);
            }
            return cancelled;
        }
    }

    /** The caller's deadline passed: fail locally and tell the callee (wire-format.md section 2). */
    private final class Expiry implements Runnable {
        @Override
        public void run() {
            timer = null;
            if (connection.unregister(PendingCall.this)) {
                connection.cancel(method, callId);
                fail(IpcException.callFailed(ErrorCode.DEADLINE_EXCEEDED, method.fullName(), connection.describe(),
                        "no answer within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms"));
            }
        }
    }
}
