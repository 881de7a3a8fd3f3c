package dev.ipcgen.runtime;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks one read of an event loop handed to a {@link WorkerPool}, run in order by one worker: one
 * queue entry and at most one wake-up for the whole read instead of one per call, which is most of
 * what a hand-off costs when many calls are in flight.
 *
 * <p>Any number of workers may run the same batch, each taking the next task nobody took yet, so
 * help is just the batch queued once more. A worker asks for it when the batch has kept
 * it for {@value #SHARE_NANOS} ns and tasks are left (slow handlers then still spread over the
 * pool); the pool's watchdog asks when a batch has not moved for a whole watch period (a task
 * blocked, perhaps on a later task of the same batch).
 */
final class TaskBatch implements Runnable {

    /** How long one worker keeps a batch to itself before it asks the pool for help. */
    static final long SHARE_NANOS = 100_000;

    private final WorkerPool pool;
    private final Runnable[] tasks;
    private final AtomicInteger next = new AtomicInteger();

    TaskBatch(WorkerPool pool, Runnable[] tasks) {
        this.pool = pool;
        this.tasks = tasks;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        boolean shared = false;
        int i;
        while ((i = next.getAndIncrement()) < tasks.length) {
            Runnable task = tasks[i];
            tasks[i] = null;
            WorkerPool.runGuarded(task);
            if (!shared && i + 1 < tasks.length && System.nanoTime() - start > SHARE_NANOS) {
                shared = true;
                pool.help(this);
            }
        }
    }

    /** How many tasks were taken so far: the watchdog's sign that the batch moves. */
    int taken() {
        return Math.min(next.get(), tasks.length);
    }

    /** Whether some task was not taken yet. */
    boolean hasLeft() {
        return next.get() < tasks.length;
    }
}
