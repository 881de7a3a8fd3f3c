package dev.ipcgen.examples.database;

import dev.ipcgen.runtime.CallContext;
import java.io.PrintStream;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A client's copy of the store in the database example: starts from the snapshot
 * {@code subscribe} answers and applies every commit the server pushes, in version order.
 *
 * <p>The server pushes commits in order, but the runtime runs handlers concurrently, and a push
 * may be handled before {@code subscribe}'s answer reaches {@link #start}: a push that comes early
 * waits in {@code pending} until the versions before it are applied.
 */
public final class Replica implements ReplicationProtocol.Handler {

    private final PrintStream out;
    /** Guarded by {@code this}. */
    private final SortedMap<String, String> contents = new TreeMap<>();
    private long version;
    /** Whether {@link #start} ran; guarded by {@code this}. */
    private boolean started;
    /** Pushed commits not applied yet, by version; guarded by {@code this}. */
    private final SortedMap<Long, List<Change>> pending = new TreeMap<>();
    private final Semaphore commits = new Semaphore(0);

    /** A replica printing each commit to {@code out}. */
    public Replica(PrintStream out) {
        this.out = out;
    }

    /** Starts from {@code subscribe}'s answer. */
    public void start(long atVersion, List<Change> snapshot) {
        int applied;
        synchronized (this) {
            version = atVersion;
            started = true;
            apply(snapshot);
            // The snapshot already holds the commits up to its version.
            pending.headMap(atVersion + 1).clear();
            applied = applyPending();
        }
        commits.release(applied);
    }

    @Override
    public void replicate(ReplicationProtocol.ReplicateRequest request, CallContext context) {
        int applied;
        synchronized (this) {
            if (started && request.version() <= version) {
                return;
            }
            pending.put(request.version(), request.changes());
            applied = started ? applyPending() : 0;
        }
        commits.release(applied);
    }

    /** Waits for {@code count} more pushed commits; false after {@code seconds}. */
    public boolean awaitCommits(int count, long seconds) throws InterruptedException {
        return commits.tryAcquire(count, seconds, TimeUnit.SECONDS);
    }

    /** {@code version V: k=v, ...} */
    public synchronized String describe() {
        return "version " + version + ": " + contents;
    }

    /** Applies the pending commits that follow the current version; returns how many. */
    private int applyPending() {
        int applied = 0;
        List<Change> next;
        while ((next = pending.remove(version + 1)) != null) {
            version++;
            apply(next);
            out.println("[replica] version " + version + ": " + DatabaseServer.describe(next));
            applied++;
        }
        return applied;
    }

    private void apply(List<Change> changes) {
        for (Change c : changes) {
            if (c.value().isPresent()) {
                contents.put(c.key(), c.value().get());
            } else {
                contents.remove(c.key());
            }
        }
    }
}
