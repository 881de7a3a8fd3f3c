package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskBatchTest {

    private final WorkerPool pool = WorkerPool.newPool("batch-test");

    @AfterEach
    void stop() throws Exception {
        pool.shutdown();
        assertThat(pool.awaitTermination(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void onAOneThreadPool_tasksRunInOrder() throws Exception {
        // With one thread a helper request only queues the batch behind itself: strict order.
        WorkerPool single = new WorkerPool("batch-test-single", 1, TimeUnit.SECONDS.toNanos(30));
        List<Integer> order = new CopyOnWriteArrayList<>();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(20);
        Runnable[] tasks = new Runnable[20];
        for (int i = 0; i < tasks.length; i++) {
            int n = i;
            tasks[i] = () -> {
                order.add(n);
                threads.add(Thread.currentThread());
                done.countDown();
            };
        }
        try {
            single.execute(new TaskBatch(single, tasks));
            assertThat(done.await(2, TimeUnit.SECONDS)).isTrue();
        } finally {
            single.shutdown();
        }
        assertThat(order).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        assertThat(threads).hasSize(1);
        assertThat(single.awaitTermination(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aTaskWaitingForALaterTaskOfItsBatch_isRescuedByTheWatchdog() throws Exception {
        CountDownLatch done = new CountDownLatch(2);
        pool.execute(firstWaitsForSecond(done));
        // Well under the first task's own 5 s limit: the rest of the batch ran on another worker.
        assertThat(done.await(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aTaskWaitingForALaterTaskOfItsBatch_isRescuedAlsoWhileThePoolShutsDown() throws Exception {
        // Shut down, the pool still runs what it took: the batch's later task too.
        CountDownLatch done = new CountDownLatch(2);
        pool.execute(firstWaitsForSecond(done));
        pool.shutdown();
        assertThat(done.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.awaitTermination(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void slowTasks_spreadOverTheWorkers() throws Exception {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(8);
        Runnable[] tasks = new Runnable[8];
        for (int i = 0; i < tasks.length; i++) {
            tasks[i] = () -> {
                threads.add(Thread.currentThread());
                // Long enough for a helper thread to start, even on a busy machine.
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                done.countDown();
            };
        }
        pool.execute(new TaskBatch(pool, tasks));
        assertThat(done.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(threads).hasSizeGreaterThan(1);
    }

    @Test
    void eachTaskRunsOnce_howeverManyWorkersJoinTheBatch() throws Exception {
        int n = 10_000;
        AtomicIntegerArray runs = new AtomicIntegerArray(n);
        CountDownLatch done = new CountDownLatch(n);
        Runnable[] tasks = new Runnable[n];
        for (int i = 0; i < n; i++) {
            int slot = i;
            tasks[i] = () -> {
                runs.incrementAndGet(slot);
                done.countDown();
            };
        }
        TaskBatch batch = new TaskBatch(pool, tasks);
        for (int i = 0; i < 4; i++) {
            pool.execute(batch);
        }
        assertThat(done.await(2, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < n; i++) {
            assertThat(runs.get(i)).as("runs of task %d", i).isEqualTo(1);
        }
        assertThat(batch.hasLeft()).isFalse();
        assertThat(batch.taken()).isEqualTo(n);
    }

    @Test
    void aThrowingTask_doesNotStopTheRestOfItsBatch() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch reported = new CountDownLatch(1);
        Runnable throwing = () -> {
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> reported.countDown());
            throw new IllegalStateException("a bug");
        };
        pool.execute(new TaskBatch(pool, new Runnable[] {throwing, done::countDown}));
        assertThat(done.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(reported.await(2, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * A batch of two tasks whose first waits (up to 5 s) for the second to run; each counts
     * {@code done} down once it has run to the end.
     */
    private TaskBatch firstWaitsForSecond(CountDownLatch done) {
        CountDownLatch second = new CountDownLatch(1);
        Runnable waits = () -> {
            try {
                if (second.await(5, TimeUnit.SECONDS)) {
                    done.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Runnable releases = () -> {
            second.countDown();
            done.countDown();
        };
        return new TaskBatch(pool, new Runnable[] {waits, releases});
    }
}
