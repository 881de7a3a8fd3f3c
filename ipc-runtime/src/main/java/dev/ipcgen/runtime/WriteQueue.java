package dev.ipcgen.runtime;

import io.netty.util.internal.PlatformDependent;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Commands from any thread, written on the connection's event loop in order and flushed once per
 * drained batch, as grpc-java's {@code WriteQueue} does. A drain task is scheduled only when the
 * queue goes from idle to busy, so a burst of calls costs one task and one flush.
 */
final class WriteQueue implements Runnable {

    private static final int MAX_BATCH = 128;

    private final Queue<WriteCommand> queue = PlatformDependent.newMpscQueue();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Connection connection;

    WriteQueue(Connection connection) {
        this.connection = connection;
    }

    /** Queues {@code command} and makes sure a drain is scheduled. */
    void enqueue(WriteCommand command) {
        queue.offer(command);
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
            try {
                connection.eventLoop().execute(this);
            } catch (RejectedExecutionException e) {
                abandonAll();
            }
        }
    }

    /** Drains on the event loop. */
    @Override
    public void run() {
        try {
            int n = 0;
            WriteCommand c;
            while ((c = queue.poll()) != null) {
                c.write(connection);
                if (++n == MAX_BATCH) {
                    connection.flush();
                    n = 0;
                }
            }
            connection.flush();
            connection.signalWritable();
        } finally {
            scheduled.set(false);
            if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
                try {
                    connection.eventLoop().execute(this);
                } catch (RejectedExecutionException e) {
                    abandonAll();
                }
            }
        }
    }

    private void abandonAll() {
        WriteCommand c;
        while ((c = queue.poll()) != null) {
            c.abandon(connection);
        }
        scheduled.set(false);
    }
}
