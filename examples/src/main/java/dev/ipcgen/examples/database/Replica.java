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
 * {@code subscribe} answers and applies every commit the server pushes.
 */
public final class Replica implements ReplicationProtocol.Handler {

    private final PrintStream out;
    /** Guarded by {@code this}. */
    private final SortedMap<String, String> contents = new TreeMap<>();
    private long version;
    private final Semaphore commits = new Semaphore(0);

    /** A replica printing each commit to {@code out}. */
    public Replica(PrintStream out) {
        this.out = out;
    }

    /** Starts from {@code subscribe}'s answer. */
    public synchronized void start(long atVersion, List<Change> snapshot) {
        version = atVersion;
        apply(snapshot);
    }

    @Override
    public void replicate(ReplicationProtocol.ReplicateRequest request, CallContext context) {
        synchronized (this) {
            if (request.version() <= version) {
                return;
            }
            version = request.version();
            apply(request.changes());
            out.println("[replica] version " + version + ": " + DatabaseServer.describe(request.changes()));
        }
        commits.release();
    }

    /** Waits for {@code count} more pushed commits; false after {@code seconds}. */
    public boolean awaitCommits(int count, long seconds) throws InterruptedException {
        return commits.tryAcquire(count, seconds, TimeUnit.SECONDS);
    }

    /** {@code version V: k=v, ...} */
    public synchronized String describe() {
        return "version " + version + ": " + contents;
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
