package dev.ipcgen.runtime;

import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Collects, on a connection's event loop, the tasks one read hands to the endpoint's own
 * {@link WorkerPool}, and hands them over as one {@link TaskBatch} when the read is complete (or
 * every {@value #MAX} tasks, so a long read does not hold the first ones back). Event loop only.
 */
final class TaskBatcher {

    static final int MAX = 64;

    private final WorkerPool pool;
    private final Consumer<Runnable> refused;
    private final Runnable[] pending = new Runnable[MAX];
    private int size;

    /** @param refused what to do with each task if the pool is shut down and takes none */
    TaskBatcher(WorkerPool pool, Consumer<Runnable> refused) {
        this.pool = pool;
        this.refused = refused;
    }

    void add(Runnable task) {
        if (size == MAX) {
            flush();
        }
        pending[size++] = task;
    }

    /** Hands what was collected to the pool. */
    void flush() {
        if (size == 0) {
            return;
        }
        Runnable[] tasks = Arrays.copyOf(pending, size);
        Arrays.fill(pending, 0, size, null);
        size = 0;
        try {
            pool.execute(tasks.length == 1 ? tasks[0] : new TaskBatch(pool, tasks));
        } catch (RejectedExecutionException e) {
            for (Runnable task : tasks) {
                refused.accept(task);
            }
        }
    }
}
