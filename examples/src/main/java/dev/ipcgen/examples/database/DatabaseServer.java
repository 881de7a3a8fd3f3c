package dev.ipcgen.examples.database;

import dev.ipcgen.runtime.CallContext;
import dev.ipcgen.runtime.ConnectionListener;
import dev.ipcgen.runtime.Peer;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server side of the database example: transactions over a {@link KeyValueStore} with
 * optimistic concurrency control (a commit fails if another commit changed a key the transaction
 * read or wrote), each transaction owned by the connection that began it, and every commit pushed
 * to subscribed replicas in commit order.
 */
public final class DatabaseServer implements DbProtocol.Handler, ConnectionListener {

    private final PrintStream log;
    /** Guards the store and the subscribers, so replicas get commits in order. */
    private final KeyValueStore store = new KeyValueStore();
    private final Set<Peer> subscribers = new LinkedHashSet<>();
    private final Map<Long, Transaction> transactions = new ConcurrentHashMap<>();
    private final AtomicLong nextTx = new AtomicLong(1);
    private final CountDownLatch shutdownRequested = new CountDownLatch(1);

    /** @param log where the server prints commits, conflicts and rollbacks */
    public DatabaseServer(PrintStream log) {
        this.log = log;
    }

    /** A transaction in progress: what it read or wrote, and its writes. */
    private static final class Transaction {
        final long id;
        final Peer owner;
        final long since;
        final Set<String> touched = new HashSet<>();
        final SortedMap<String, Optional<String>> writes = new TreeMap<>();
        /**
         * Set by commit or rollback, guarded by {@code this}: a call that looked the transaction up
         * just before must not add to it afterwards (its write would be acknowledged and lost).
         */
        boolean ended;

        Transaction(long id, Peer owner, long since) {
            this.id = id;
            this.owner = owner;
            this.since = since;
        }

        /** Throws if commit or rollback ended it; call holding {@code this}. */
        void checkOpen() {
            if (ended) {
                throw noTransaction(id);
            }
        }

        /** Ends it, once; call holding {@code this}. */
        void end() {
            checkOpen();
            ended = true;
        }
    }

    @Override
    public DbProtocol.BeginResponse begin(DbProtocol.BeginRequest request, CallContext context) {
        long since;
        synchronized (store) {
            since = store.version();
        }
        Transaction tx = new Transaction(nextTx.getAndIncrement(), context.peer(), since);
        transactions.put(tx.id, tx);
        if (context.isCancelled()) {
            // The connection closed meanwhile, perhaps before disconnected() could roll it back.
            transactions.remove(tx.id);
        }
        return new DbProtocol.BeginResponse(tx.id);
    }

    @Override
    public DbProtocol.GetResponse get(DbProtocol.GetRequest request, CallContext context) {
        Transaction tx = own(request.tx(), context);
        synchronized (tx) {
            tx.checkOpen();
            tx.touched.add(request.key());
            Optional<String> written = tx.writes.get(request.key());
            if (written != null) {
                return new DbProtocol.GetResponse(written);
            }
        }
        synchronized (store) {
            return new DbProtocol.GetResponse(store.read(request.key()));
        }
    }

    @Override
    public DbProtocol.PutResponse put(DbProtocol.PutRequest request, CallContext context) {
        Transaction tx = own(request.tx(), context);
        synchronized (tx) {
            tx.checkOpen();
            tx.touched.add(request.key());
            tx.writes.put(request.key(), Optional.of(request.value()));
        }
        return new DbProtocol.PutResponse();
    }

    @Override
    public DbProtocol.DeleteResponse delete(DbProtocol.DeleteRequest request, CallContext context) {
        boolean existed = get(new DbProtocol.GetRequest(request.tx(), request.key()), context).value().isPresent();
        Transaction tx = own(request.tx(), context);
        synchronized (tx) {
            tx.checkOpen();
            tx.writes.put(request.key(), Optional.empty());
        }
        return new DbProtocol.DeleteResponse(existed);
    }

    @Override
    public DbProtocol.CommitResponse commit(DbProtocol.CommitRequest request, CallContext context) {
        Transaction tx = own(request.tx(), context);
        transactions.remove(tx.id);
        synchronized (tx) {
            tx.end();
            synchronized (store) {
                List<Change> changes;
                try {
                    changes = store.commit(tx.since, tx.touched, tx.writes);
                } catch (KeyValueStore.ConflictException e) {
                    log.println("[server] tx " + tx.id + " " + e.getMessage());
                    throw e;
                }
                if (!changes.isEmpty()) {
                    log.println("[server] tx " + tx.id + " committed version " + store.version() + ": " + describe(changes));
                    for (Peer replica : subscribers) {
                        // In commit order, under the store's lock: a replica applies versions one by one.
                        ReplicationProtocol.sender(replica).replicate(store.version(), changes);
                    }
                }
                return new DbProtocol.CommitResponse(store.version(), changes.size());
            }
        }
    }

    @Override
    public DbProtocol.RollbackResponse rollback(DbProtocol.RollbackRequest request, CallContext context) {
        Transaction tx = own(request.tx(), context);
        transactions.remove(tx.id);
        synchronized (tx) {
            tx.end();
            log.println("[server] tx " + tx.id + " rolled back, " + tx.writes.size() + " write(s) discarded");
            return new DbProtocol.RollbackResponse(tx.writes.size());
        }
    }

    @Override
    public DbProtocol.SubscribeResponse subscribe(DbProtocol.SubscribeRequest request, CallContext context) {
        synchronized (store) {
            subscribers.add(context.peer());
            if (context.isCancelled()) {
                // The connection closed meanwhile, perhaps before disconnected() could unsubscribe it.
                subscribers.remove(context.peer());
            }
            log.println("[server] a replica subscribed at version " + store.version());
            return new DbProtocol.SubscribeResponse(store.version(), store.snapshot());
        }
    }

    @Override
    public DbProtocol.ShutdownResponse shutdown(DbProtocol.ShutdownRequest request, CallContext context) {
        log.println("[server] shutdown requested");
        shutdownRequested.countDown();
        return new DbProtocol.ShutdownResponse(true);
    }

    @Override
    public void disconnected(Peer peer) {
        synchronized (store) {
            subscribers.remove(peer);
        }
        transactions.values().removeIf(tx -> {
            if (tx.owner.equals(peer)) {
                log.println("[server] tx " + tx.id + " rolled back: its connection closed");
                return true;
            }
            return false;
        });
    }

    /** Blocks until a client calls {@code shutdown}. */
    public void awaitShutdownRequest() throws InterruptedException {
        shutdownRequested.await();
    }

    /** {@code key=value} and {@code key deleted}, comma-separated. */
    static String describe(List<Change> changes) {
        StringBuilder s = new StringBuilder();
        for (Change c : changes) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(c.value().map(v -> c.key() + "=" + v).orElse(c.key() + " deleted"));
        }
        return s.toString();
    }

    private Transaction own(long id, CallContext context) {
        Transaction tx = transactions.get(id);
        if (tx == null || !tx.owner.equals(context.peer())) {
            throw noTransaction(id);
        }
        return tx;
    }

    private static IllegalStateException noTransaction(long id) {
        return new IllegalStateException("no transaction " + Long.toUnsignedString(id) + " on this connection");
    }
}
