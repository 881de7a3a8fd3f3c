package dev.ipcgen.runtime;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import java.util.concurrent.CompletableFuture;

/**
 * One ONEWAY message on its way out: written on the event loop, its future completed on the
 * callback executor once the frame is in the socket (or failed if it never gets there).
 */
final class OneWaySend implements WriteCommand, ChannelFutureListener, Runnable {

    final CompletableFuture<Void> future = new CompletableFuture<>();
    private final Connection connection;
    private final MethodDescriptor<?, Void> method;
    private ByteBuf frame;
    private IpcException failure;

    OneWaySend(Connection connection, MethodDescriptor<?, Void> method, ByteBuf frame) {
        this.connection = connection;
        this.method = method;
        this.frame = frame;
    }

    @Override
    public void write(Connection c) {
        ByteBuf f = frame;
        frame = null;
        c.dequeued(f.readableBytes());
        if (c.isClosed()) {
            f.release();
            fail(c.closedError(method.fullName()));
            return;
        }
        c.write(f, this);
    }

    @Override
    public void abandon(Connection c) {
        if (frame != null) {
            c.dequeued(frame.readableBytes());
            frame.release();
            frame = null;
        }
        fail(c.closedError(method.fullName()));
    }

    @Override
    public void operationComplete(ChannelFuture f) {
        if (!f.isSuccess()) {
            failure = connection.closedError(method.fullName());
        }
        connection.runCallback(this);
    }

    private void fail(IpcException e) {
        failure = e;
        connection.runCallback(this);
    }

    @Override
    public void run() {
        if (failure != null) {
            future.completeExceptionally(failure);
        } else {
            future.complete(null);
        }
    }
}
