package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipcgen.runtime.testing.LogCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    @Test
    void tasksBlockedOnALaterTask_getAThreadForIt() throws Exception {
        WorkerPool pool = WorkerPool.newPool("test-pool");
        try {
            int blocked = Math.max(2, Runtime.getRuntime().availableProcessors()) + 2;
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(blocked);
            AtomicInteger finished = new AtomicInteger();
            for (int i = 0; i < blocked; i++) {
                pool.execute(() -> {
                    try {
                        if (release.await(2, TimeUnit.SECONDS)) {
                            finished.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    done.countDown();
                });
            }
            pool.execute(release::countDown);
            assertThat(done.await(2, TimeUnit.SECONDS)).isTrue();
            assertThat(finished).hasValue(blocked);
        } finally {
            pool.shutdown();
        }
        assertThat(pool.awaitTermination(1, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void everyTaskRunsExactlyOnce_whenManyThreadsSubmitAtOnce() throws Exception {
        // Submitters racing parking workers: a lost wake-up would leave a task unrun and the latch short.
        WorkerPool pool = WorkerPool.newPool("test-pool");
        int submitters = 4;
        int perSubmitter = 50_000;
        AtomicIntegerArray runs = new AtomicIntegerArray(submitters * perSubmitter);
        CountDownLatch done = new CountDownLatch(submitters * perSubmitter);
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < submitters; s++) {
            int base = s * perSubmitter;
            Thread t = new Thread(() -> {
                for (int i = 0; i < perSubmitter; i++) {
                    int slot = base + i;
                    pool.execute(() -> {
                        runs.incrementAndGet(slot);
                        done.countDown();
                    });
                    if (i % 1000 == 0) {
                        // Let the workers run dry and park now and then.
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < runs.length(); i++) {
            assertThat(runs.get(i)).as("runs of task %d", i).isEqualTo(1);
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shutdown_runsWhatIsQueued_thenRefusesNewTasks() throws Exception {
        WorkerPool pool = WorkerPool.newPool("test-pool");
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            pool.execute(() -> {
                try {
                    release.await(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ran.incrementAndGet();
            });
        }
        pool.shutdown();
        assertThat(pool.isShutdown()).isTrue();
        assertThatThrownBy(() -> pool.execute(ran::incrementAndGet))
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("test-pool");
        assertThat(pool.isTerminated()).isFalse();
        release.countDown();
        assertThat(pool.awaitTermination(2, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).hasValue(10);
    }

    @Test
    void shutdown_racingTheFirstExecute_stillTerminates() throws Exception {
        // The pool has no thread yet; a task offered as it shuts down is taken back out and refused,
        // and the pool must end once it is: nobody else is left to notice the queue is empty again.
        int rounds = 3_000;
        AtomicInteger go = new AtomicInteger();
        AtomicInteger submitted = new AtomicInteger();
        AtomicReference<WorkerPool> current = new AtomicReference<>();
        Thread submitter = new Thread(() -> {
            for (int r = 1; r <= rounds; r++) {
                while (go.get() < r) {
                    Thread.onSpinWait();
                }
                try {
                    current.get().execute(new SlowToRemove());
                } catch (RejectedExecutionException e) {
                    // Lost the race to shutdown: fine, the pool must end all the same.
                }
                submitted.set(r);
            }
        });
        submitter.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        try {
            for (int r = 1; r <= rounds && System.nanoTime() < end; r++) {
                WorkerPool pool = new WorkerPool("test-pool", 1, TimeUnit.SECONDS.toNanos(30));
                current.set(pool);
                go.set(r);
                // A different head start each round, so shutdown lands at every point of execute.
                for (int i = r % 40; i > 0; i--) {
                    Thread.onSpinWait();
                }
                pool.shutdown();
                while (submitted.get() != r) {
                    Thread.onSpinWait();
                }
                assertThat(pool.awaitTermination(1, TimeUnit.SECONDS)).as("round %d: %s", r, pool).isTrue();
            }
        } finally {
            go.set(Integer.MAX_VALUE);
            submitter.join();
        }
    }

    /** A task the queue is slow to take back out ({@code remove} compares with equals), so shutdown can finish meanwhile. */
    private static final class SlowToRemove implements Runnable {

        @Override
        public void run() {
        }

        @Override
        public boolean equals(Object other) {
            long until = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(20);
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    @Test
    void shutdownNow_returnsTheTasksNotStarted_andInterruptsTheRunningOnes() throws Exception {
        WorkerPool pool = new WorkerPool("test-pool", 1, TimeUnit.SECONDS.toNanos(30));
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        pool.execute(() -> {
            started.countDown();
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        assertThat(started.await(2, TimeUnit.SECONDS)).isTrue();
        Runnable notStarted = () -> { };
        pool.execute(notStarted);
        assertThat(pool.shutdownNow()).containsExactly(notStarted);
        assertThat(pool.awaitTermination(2, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isTrue();
    }

    @Test
    void shutdownNow_whileAWorkerWakes_losesNoTask() throws Exception {
        // The first of many tasks wakes the parked worker, which takes one while shutdownNow drains
        // the rest: that task must run, as it is not among those returned.
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        for (int r = 0; r < 300 && System.nanoTime() < end; r++) {
            WorkerPool pool = new WorkerPool("test-pool", 1, TimeUnit.SECONDS.toNanos(30));
            CountDownLatch started = new CountDownLatch(1);
            pool.execute(started::countDown);
            assertThat(started.await(2, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(1);
            AtomicInteger ran = new AtomicInteger();
            // As many as the worker takes to wake, give or take, and a different number each round.
            int n = 200 + (r % 20) * 100;
            for (int i = 0; i < n; i++) {
                pool.execute(ran::incrementAndGet);
            }
            List<Runnable> notStarted = pool.shutdownNow();
            assertThat(pool.awaitTermination(2, TimeUnit.SECONDS)).isTrue();
            assertThat(ran.get() + notStarted.size()).as("round %d: run or returned", r).isEqualTo(n);
        }
    }

    @Test
    void idleWorkersEnd_andANewTaskStartsOneAgain() throws Exception {
        WorkerPool pool = new WorkerPool("test-pool", 2, TimeUnit.MILLISECONDS.toNanos(50));
        try {
            CountDownLatch first = new CountDownLatch(1);
            pool.execute(first::countDown);
            assertThat(first.await(2, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (pool.liveThreads() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(pool.liveThreads()).isZero();
            CountDownLatch second = new CountDownLatch(1);
            pool.execute(second::countDown);
            assertThat(second.await(2, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdown();
        }
        assertThat(pool.awaitTermination(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aThrowingTask_doesNotCostTheThread_andItsInterruptDoesNotReachTheNextTask() throws Exception {
        WorkerPool pool = new WorkerPool("test-pool", 1, TimeUnit.SECONDS.toNanos(30));
        try {
            AtomicInteger reported = new AtomicInteger();
            CountDownLatch ranFirst = new CountDownLatch(1);
            pool.execute(() -> {
                Thread.currentThread().setUncaughtExceptionHandler((t, e) -> reported.incrementAndGet());
                ranFirst.countDown();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("a bug");
            });
            assertThat(ranFirst.await(2, TimeUnit.SECONDS)).isTrue();
            AtomicBoolean interruptedAtStart = new AtomicBoolean(true);
            CountDownLatch ranSecond = new CountDownLatch(1);
            pool.execute(() -> {
                interruptedAtStart.set(Thread.currentThread().isInterrupted());
                ranSecond.countDown();
            });
            assertThat(ranSecond.await(2, TimeUnit.SECONDS)).isTrue();
            assertThat(reported).hasValue(1);
            assertThat(interruptedAtStart).isFalse();
            assertThat(pool.liveThreads()).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aThreadThatCannotStart_costsNoTask() throws Exception {
        // One thread, blocked: the watchdog grows the pool, but no thread can start. Once unblocked,
        // the worker sees the queue still full and asks for another thread, which fails again.
        RefusingThreadFactory factory = new RefusingThreadFactory();
        WorkerPool pool = new WorkerPool("test-pool", 1, TimeUnit.SECONDS.toNanos(30), factory);
        LogCapture log = LogCapture.of(WorkerPool.class.getName());
        log.start();
        CountDownLatch release = new CountDownLatch(1);
        try {
            occupyTheOnlyThread(pool, release);
            factory.allow.set(false);
            CountDownLatch done = new CountDownLatch(2);
            pool.execute(done::countDown);
            pool.execute(done::countDown);
            assertThat(factory.refused.await(2, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            assertThat(done.await(2, TimeUnit.SECONDS)).isTrue();
            // Logged by the thread that failed, perhaps the watchdog just after the factory refused.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (log.messages().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(log.messages()).contains(
                    "the worker pool test-pool could not start a thread; it tries again while its queue stalls");
        } finally {
            log.stop();
            factory.allow.set(true);
            release.countDown();
            pool.shutdown();
        }
        assertThat(pool.awaitTermination(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aThreadThatCannotStart_isTriedAgainWhileTheQueueStalls() throws Exception {
        RefusingThreadFactory factory = new RefusingThreadFactory();
        WorkerPool pool = new WorkerPool("test-pool", 1, TimeUnit.SECONDS.toNanos(30), factory);
        CountDownLatch release = new CountDownLatch(1);
        try {
            occupyTheOnlyThread(pool, release);
            factory.allow.set(false);
            CountDownLatch done = new CountDownLatch(1);
            pool.execute(done::countDown);
            assertThat(factory.refused.await(2, TimeUnit.SECONDS)).isTrue();
            factory.allow.set(true);
            // Still blocked: only a thread the watchdog starts can run it.
            assertThat(done.await(2, TimeUnit.SECONDS)).isTrue();
        } finally {
            factory.allow.set(true);
            release.countDown();
            pool.shutdown();
        }
        assertThat(pool.awaitTermination(2, TimeUnit.SECONDS)).isTrue();
    }

    /** Runs a task on {@code pool} that holds its thread until {@code release}; returns once it runs. */
    private static void occupyTheOnlyThread(WorkerPool pool, CountDownLatch release) throws InterruptedException {
        CountDownLatch blocked = new CountDownLatch(1);
        pool.execute(() -> {
            blocked.countDown();
            awaitQuietly(release);
        });
        assertThat(blocked.await(2, TimeUnit.SECONDS)).isTrue();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Makes daemon threads until told not to, then fails as the JVM does when it has no room for a thread. */
    private static final class RefusingThreadFactory implements ThreadFactory {

        final AtomicBoolean allow = new AtomicBoolean(true);
        final CountDownLatch refused = new CountDownLatch(1);

        @Override
        public Thread newThread(Runnable task) {
            if (!allow.get()) {
                refused.countDown();
                throw new OutOfMemoryError("unable to create native thread (test)");
            }
            Thread thread = new Thread(task, "test-pool-worker");
            thread.setDaemon(true);
            return thread;
        }
    }

    @Test
    void anInterruptWhileParked_doesNotReachTheNextTask() throws Exception {
        WorkerPool pool = new WorkerPool("test-pool", 1, TimeUnit.SECONDS.toNanos(30));
        try {
            CompletableFuture<Thread> worker = new CompletableFuture<>();
            pool.execute(() -> worker.complete(Thread.currentThread()));
            Thread thread = worker.get(2, TimeUnit.SECONDS);
            // Parked by then: a worker yields only briefly before it parks.
            Thread.sleep(50);
            thread.interrupt();
            Thread.sleep(20);
            AtomicBoolean interruptedAtStart = new AtomicBoolean(true);
            CountDownLatch ran = new CountDownLatch(1);
            pool.execute(() -> {
                interruptedAtStart.set(Thread.currentThread().isInterrupted());
                ran.countDown();
            });
            assertThat(ran.await(2, TimeUnit.SECONDS)).isTrue();
            assertThat(interruptedAtStart).isFalse();
        } finally {
            pool.shutdown();
        }
        assertThat(pool.awaitTermination(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void isCurrentThreadOf_isTrueOnlyOnThePoolsOwnThreads() throws Exception {
        WorkerPool pool = WorkerPool.newPool("test-pool");
        WorkerPool other = WorkerPool.newPool("other-pool");
        try {
            CompletableFuture<List<Boolean>> seen = new CompletableFuture<>();
            pool.execute(() -> seen.complete(List.of(WorkerPool.isCurrentThreadOf(pool), WorkerPool.isCurrentThreadOf(other))));
            assertThat(seen.get(2, TimeUnit.SECONDS)).containsExactly(true, false);
            assertThat(WorkerPool.isCurrentThreadOf(pool)).isFalse();
            assertThat(WorkerPool.isCurrentThreadOf(null)).isFalse();
        } finally {
            pool.shutdown();
            other.shutdown();
        }
    }
}
