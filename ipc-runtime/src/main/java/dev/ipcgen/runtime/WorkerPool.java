package dev.ipcgen.runtime;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The executor an endpoint owns when the user gives none: a few hot threads on one lock-free
 * queue, growing by one thread whenever the queue has not moved for {@value #WATCH_MILLIS} ms.
 * Handlers may block, and a handler waiting on a call back to its peer must never starve the thread
 * that would complete that call: a stalled queue is how blocking shows, and a new thread is the
 * cure. Threads past the base size are given back once the queue is empty; idle threads end after
 * 30 s.
 *
 * <p>Why not a {@code ThreadPoolExecutor}: its queue takes a lock per task and signals a condition,
 * so each hand-off from an event loop costs a futex call on both sides. Here the event loop offers
 * to a {@link ConcurrentLinkedQueue} and wakes a parked worker only when no worker is spinning; a
 * worker that runs dry yields {@value #YIELDS} times before it parks, so under load the next task
 * finds it awake. Event loops hand over a whole read as one {@link TaskBatch}; the watchdog also
 * sends help to a batch that stopped moving. Together with the event loops' own polling
 * ({@code SpinningSelectStrategy}) this took get_user at 64 calls in flight on the 2-core benchmark
 * machine from a median 0.32 to 0.43 times the bare echo's rate (docs/performance.md).
 */
final class WorkerPool extends AbstractExecutorService {

    private static final InternalLogger log = InternalLoggerFactory.getInstance(WorkerPool.class);

    static final long WATCH_MILLIS = 50;

    /** How many times a worker yields before parking (measured: 20 beats 0, 5 and 100). */
    private static final int YIELDS = 20;

    private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private static final int RUNNING = 0;
    private static final int SHUTDOWN = 1;
    private static final int STOP = 2;
    private static final int TERMINATED = 3;

    /** The pool the current thread works for, if any. */
    private static final ThreadLocal<WorkerPool> CURRENT = new ThreadLocal<>();

    private static final ScheduledExecutorService WATCHDOG =
            Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("ipc-pool-watchdog", true));

    private final String name;
    private final ThreadFactory threads;
    private final int baseSize;
    private final long keepAliveNanos;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Parked workers, the most recently parked first (its caches are the warmest). */
    private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
    private final Set<Worker> workers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger spinning = new AtomicInteger();
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    /** Tasks taken from the queue: the watchdog's sign that the queue moves. */
    private final LongAdder taken = new LongAdder();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final ScheduledFuture<?> watch;
    /** Threads wanted: the base size plus one per stall seen, less one per empty check. */
    private volatile int size;
    /** The watchdog's last reading of {@link #taken}; only the watchdog thread uses it. */
    private long lastTaken = -1;

    WorkerPool(String name, int baseSize, long keepAliveNanos) {
        this(name, baseSize, keepAliveNanos, new DefaultThreadFactory(name, true));
    }

    /** @param threads makes the worker threads (tests give one that fails) */
    WorkerPool(String name, int baseSize, long keepAliveNanos, ThreadFactory threads) {
        this.name = name;
        this.threads = threads;
        this.baseSize = baseSize;
        this.size = baseSize;
        this.keepAliveNanos = keepAliveNanos;
        watch = WATCHDOG.scheduleWithFixedDelay(this::check, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A pool of daemon threads named {@code name-N}, as many as processors (at least 2) when busy. */
    static WorkerPool newPool(String name) {
        return new WorkerPool(name, Math.max(2, Runtime.getRuntime().availableProcessors()), KEEP_ALIVE_NANOS);
    }

    /** Whether the calling thread is one of {@code pool}'s (so it must not wait for the pool to stop). */
    static boolean isCurrentThreadOf(Executor pool) {
        return pool != null && CURRENT.get() == pool;
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (state.get() != RUNNING) {
            throw rejected();
        }
        tasks.offer(task);
        if (state.get() != RUNNING && tasks.remove(task)) {
            // Shutdown may have seen the task queued and so not ended the pool: nobody else would now.
            tryTerminate();
            throw rejected();
        }
        signal();
    }

    /**
     * Runs {@code batch} on one more worker, also while shutting down: the pool took the batch already
     * and still runs what it took, and the worker on it may be waiting for one of its later tasks.
     */
    void help(TaskBatch batch) {
        if (state.get() < STOP) {
            tasks.offer(batch);
            signal();
        }
    }

    /**
     * Runs {@code task}, reporting what it throws to the thread's uncaught-exception handler instead
     * of ending the thread (the runtime's tasks catch their own failures: this is a bug, survived),
     * and clears an interrupt it left, so it cannot hit the next task.
     */
    static void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            Thread thread = Thread.currentThread();
            thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
        }
        Thread.interrupted();
    }

    private RejectedExecutionException rejected() {
        return new RejectedExecutionException("the worker pool " + name + " is shut down");
    }

    /** Makes sure a worker will look at the queue: a spinning one will, else wake or start one. */
    private void signal() {
        if (spinning.get() > 0) {
            return;
        }
        Worker worker;
        while ((worker = idle.pollFirst()) != null) {
            if (worker.wake()) {
                return;
            }
        }
        tryStart();
    }

    /**
     * Starts a worker if fewer than {@link #size} are alive. A thread that cannot start is logged, not
     * thrown: the task that asked for it is queued already, and thrown it would end the worker that
     * just took a task (losing it) or the watchdog's schedule, which tries again while the queue stalls.
     */
    private void tryStart() {
        int n;
        do {
            n = live.get();
            if (n >= size || state.get() >= STOP) {
                return;
            }
        } while (!live.compareAndSet(n, n + 1));
        Worker worker = new Worker();
        try {
            worker.thread = threads.newThread(worker);
            workers.add(worker);
            worker.thread.start();
        } catch (RuntimeException | Error e) {
            workers.remove(worker);
            live.decrementAndGet();
            // Counted for a moment, it may have kept the last worker from ending the pool.
            tryTerminate();
            log.warn("the worker pool {} could not start a thread; it tries again while its queue stalls", name, e);
        }
    }

    private void check() {
        for (Worker worker : workers) {
            worker.watchBatch();
        }
        long moved = taken.sum();
        boolean queued = !tasks.isEmpty();
        if (queued && moved == lastTaken) {
            size++;
            tryStart();
        } else if (!queued && size > baseSize) {
            size--;
        }
        lastTaken = moved;
    }

    @Override
    public void shutdown() {
        state.compareAndSet(RUNNING, SHUTDOWN);
        wakeAll();
        if (live.get() == 0 && !tasks.isEmpty()) {
            tryStart();
        }
        tryTerminate();
    }

    @Override
    public List<Runnable> shutdownNow() {
        int s;
        do {
            s = state.get();
        } while (s < STOP && !state.compareAndSet(s, STOP));
        List<Runnable> pending = new ArrayList<>();
        Runnable task;
        while ((task = tasks.poll()) != null) {
            pending.add(task);
        }
        for (Worker worker : workers) {
            worker.thread.interrupt();
        }
        wakeAll();
        tryTerminate();
        return pending;
    }

    private void wakeAll() {
        Worker worker;
        while ((worker = idle.pollFirst()) != null) {
            worker.wake();
        }
    }

    /** Ends the pool once no worker is alive and it is stopped, or shut down with nothing queued. */
    private void tryTerminate() {
        int s = state.get();
        if (s == SHUTDOWN || s == STOP) {
            if (live.get() == 0 && (s == STOP || tasks.isEmpty()) && state.compareAndSet(s, TERMINATED)) {
                watch.cancel(false);
                terminated.countDown();
            }
        }
    }

    @Override
    public boolean isShutdown() {
        return state.get() != RUNNING;
    }

    @Override
    public boolean isTerminated() {
        return state.get() == TERMINATED;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return terminated.await(timeout, unit);
    }

    /** How many worker threads are alive. */
    int liveThreads() {
        return live.get();
    }

    @Override
    public String toString() {
        return "WorkerPool[" + name + ", live=" + live.get() + ", size=" + size + ", queued=" + tasks.size() + "]";
    }

    /** One thread of the pool: takes tasks until the pool stops, it idles too long, or it is spare. */
    private final class Worker implements Runnable {

        private static final int ACTIVE = 0;
        private static final int PARKED = 1;
        private static final int WOKEN = 2;

        private static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(Worker.class, "parkState", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private volatile int parkState = ACTIVE;
        private Thread thread;
        /** Whether this worker already took itself out of {@link #live} (as a spare). */
        private boolean retired;
        /** The batch this worker runs, if the task is one, for the watchdog. */
        private volatile TaskBatch batch;
        /** The watchdog's last look at {@link #batch}: which one, and how many of its tasks were taken. */
        private TaskBatch watched;
        private int watchedTaken;

        @Override
        public void run() {
            CURRENT.set(WorkerPool.this);
            try {
                Runnable task;
                while ((task = next()) != null) {
                    taken.increment();
                    if (!tasks.isEmpty()) {
                        // More work than this thread: let another take the rest (a burst of blocking handlers).
                        signal();
                    }
                    if (task instanceof TaskBatch) {
                        batch = (TaskBatch) task;
                        runGuarded(task);
                        batch = null;
                    } else {
                        runGuarded(task);
                    }
                }
            } finally {
                workers.remove(this);
                if (!retired) {
                    live.decrementAndGet();
                }
                if (state.get() < STOP && !tasks.isEmpty()) {
                    signal();
                }
                tryTerminate();
            }
        }

        /**
         * On the watchdog: asks the pool to help with the batch this worker runs if it has not
         * moved since the last look (a task of it blocked) and tasks are left.
         */
        void watchBatch() {
            TaskBatch current = batch;
            if (current == null || !current.hasLeft()) {
                watched = null;
                return;
            }
            int taken = current.taken();
            if (current == watched && taken == watchedTaken) {
                watched = null;
                help(current);
            } else {
                watched = current;
                watchedTaken = taken;
            }
        }

        /** The next task, or null when this thread should end. */
        private Runnable next() {
            if (state.get() >= STOP) {
                return null;
            }
            Runnable task = tasks.poll();
            if (task != null) {
                return task;
            }
            task = spin();
            return task != null ? task : park();
        }

        private Runnable spin() {
            spinning.incrementAndGet();
            try {
                for (int i = 0; i < YIELDS; i++) {
                    Thread.yield();
                    Runnable task = tasks.poll();
                    if (task != null || state.get() >= STOP) {
                        return task;
                    }
                }
                return null;
            } finally {
                spinning.decrementAndGet();
            }
        }

        /** Parks until woken with work, or returns null if the pool stops, shrank, or this thread idled out. */
        private Runnable park() {
            long deadline = System.nanoTime() + keepAliveNanos;
            while (true) {
                if (retireIfSpare()) {
                    return null;
                }
                parkState = PARKED;
                idle.offerFirst(this);
                // Checked after joining the idle list: a task offered before that is seen here, one
                // offered after finds this worker in the list.
                Runnable task = tasks.poll();
                int s = state.get();
                if (task == null && s == RUNNING) {
                    long left = deadline - System.nanoTime();
                    if (left > 0) {
                        LockSupport.parkNanos(WorkerPool.this, left);
                    }
                    // shutdownNow stops the pool before it interrupts, so an interrupt seen here is
                    // nobody's: kept, it would end every park at once and then hit the next task.
                    Thread.interrupted();
                    task = tasks.poll();
                    s = state.get();
                }
                if (STATE.compareAndSet(this, PARKED, ACTIVE)) {
                    idle.remove(this);
                } else {
                    parkState = ACTIVE;
                }
                if (task != null) {
                    // Taken, it is not among the tasks shutdownNow returns: it runs, even if the pool stopped.
                    return task;
                }
                if (s != RUNNING || System.nanoTime() - deadline >= 0) {
                    return null;
                }
            }
        }

        /** Ends this thread if the pool has more than it wants and nothing waits. */
        private boolean retireIfSpare() {
            int n = live.get();
            retired = n > size && tasks.isEmpty() && live.compareAndSet(n, n - 1);
            return retired;
        }

        boolean wake() {
            if (STATE.compareAndSet(this, PARKED, WOKEN)) {
                LockSupport.unpark(thread);
                return true;
            }
            return false;
        }
    }
}
