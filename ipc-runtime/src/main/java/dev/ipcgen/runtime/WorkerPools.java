package dev.ipcgen.runtime;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The executors an endpoint owns when the user gives none. */
final class WorkerPools {

    private WorkerPools() {
    }

    /**
     * A cached pool of daemon threads named {@code name-N}: handlers may block, and a handler
     * waiting on a call back to its peer must never starve the thread that completes that call.
     */
    static ExecutorService newCachedDaemonPool(String name) {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new DefaultThreadFactory(name, true));
    }
}
