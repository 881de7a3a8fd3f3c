package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ReconnectingListener} that records what it hears, in order: {@code connected},
 * {@code disconnected}, {@code failed N CODE} (attempt N failed with CODE), {@code gave up N}.
 */
final class ReconnectEvents implements ReconnectingListener {

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @Override
    public void connected(IpcConnection connection) {
        events.add("connected");
    }

    @Override
    public void disconnected(IpcConnection connection) {
        events.add("disconnected");
    }

    @Override
    public void connectFailed(int attempt, IpcException error, Duration nextAttemptIn) {
        events.add("failed " + attempt + " " + error.code());
    }

    @Override
    public void gaveUp(int attempts, IpcException lastError) {
        events.add("gave up " + attempts);
    }

    /** Waits up to 5 s for {@code event}, dropping the events before it. */
    void await(String event) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String e;
        do {
            e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } while (e != null && !e.equals(event));
        assertThat(e).as("listener event").isEqualTo(event);
    }

    /** The next event within {@code millis}, or null. */
    String next(long millis) throws InterruptedException {
        return events.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** The events not yet taken, taking them. */
    List<String> drain() {
        List<String> left = new ArrayList<>();
        events.drainTo(left);
        return left;
    }
}
