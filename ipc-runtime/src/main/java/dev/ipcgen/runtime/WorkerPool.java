package dev.ipcgen.runtime;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The executor an endpoint owns when the user gives none: a fixed pool (one queue, a few hot
 * threads, so a busy pool takes tasks without waking a thread per task) that grows by one thread
 * whenever its queue has not moved for {@value #WATCH_MILLIS} ms. Handlers may block, and a handler
 * waiting on a call back to its peer must never starve the thread that would complete that call:
 * a stalled queue is how blocking shows, and a new thread is the cure. Threads past the base size
 * are given back once the queue is empty; idle threads end after 30 s. Workers yield briefly before
 * parking ({@link SpinningTaskQueue}), so a busy pool takes tasks without kernel wake-ups.
 */
final class WorkerPool extends ThreadPoolExecutor {

    static final long WATCH_MILLIS = 50;

    /** Which pool each worker thread belongs to; weak, so ended threads drop out. */
    private static final Map<Thread, WorkerPool> OWNER = Collections.synchronizedMap(new WeakHashMap<>());

    private static final ScheduledExecutorService WATCHDOG =
            Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("ipc-pool-watchdog", true));

    private final int baseSize;
    private final ScheduledFuture<?> watch;
    private long lastCompleted = -1;

    private WorkerPool(String name, int baseSize) {
        super(baseSize, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SpinningTaskQueue(),
                new DefaultThreadFactory(name, true));
        ThreadFactory named = getThreadFactory();
        setThreadFactory(task -> {
            Thread t = named.newThread(task);
            OWNER.put(t, this);
            return t;
        });
        this.baseSize = baseSize;
        allowCoreThreadTimeOut(true);
        watch = WATCHDOG.scheduleWithFixedDelay(this::check, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Whether the calling thread is one of {@code pool}'s (so it must not wait for the pool to stop). */
    static boolean isCurrentThreadOf(Executor pool) {
        return pool != null && OWNER.get(Thread.currentThread()) == pool;
    }

    /** A pool of daemon threads named {@code name-N}, as many as processors (at least 2) when busy. */
    static WorkerPool newPool(String name) {
        return new WorkerPool(name, Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    private void check() {
        long completed = getCompletedTaskCount();
        boolean queued = !getQueue().isEmpty();
        int core = getCorePoolSize();
        if (queued && completed == lastCompleted) {
            setCorePoolSize(core + 1);
        } else if (!queued && core > baseSize) {
            setCorePoolSize(core - 1);
        }
        lastCompleted = completed;
    }

    @Override
    protected void terminated() {
        watch.cancel(false);
    }
}
