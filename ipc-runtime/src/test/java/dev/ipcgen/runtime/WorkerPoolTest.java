package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
}
