package dev.ipcgen.examples.database;

import static dev.ipcgen.examples.Answers.await;

import dev.ipcgen.runtime.ErrorCode;
import dev.ipcgen.runtime.IpcException;
import dev.ipcgen.runtime.Peer;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** One transaction of the database example's client, printing each call and its answer. */
public final class DatabaseClient {

    private final DbProtocol.Sender db;
    private final String who;
    private final PrintStream out;

    /** A client on {@code server}, printing its lines as {@code [who]}. */
    public DatabaseClient(Peer server, String who, PrintStream out) {
        this.db = DbProtocol.sender(server);
        this.who = who;
        this.out = out;
    }

    /** Begins a transaction; returns its id. */
    public long begin() throws InterruptedException {
        long tx = await(db.begin()).tx();
        out.println("[" + who + "] begin -> tx " + tx);
        return tx;
    }

    /** Reads {@code key} in {@code tx}. */
    public String get(long tx, String key) throws InterruptedException {
        String value = await(db.get(tx, key)).value().orElse("(none)");
        out.println("[" + who + "] get " + key + " -> " + value);
        return value;
    }

    /** Writes each entry in {@code tx}. */
    public void put(long tx, Map<String, String> entries) throws InterruptedException {
        for (Map.Entry<String, String> e : entries.entrySet()) {
            await(db.put(tx, e.getKey(), e.getValue()));
            out.println("[" + who + "] put " + e.getKey() + "=" + e.getValue());
        }
    }

    /** Deletes each key in {@code tx}. */
    public void delete(long tx, List<String> keys) throws InterruptedException {
        for (String key : keys) {
            out.println("[" + who + "] delete " + key + " -> existed=" + await(db.delete(tx, key)).existed());
        }
    }

    /** Commits {@code tx}; returns false, after printing why, if it conflicted. */
    public boolean commit(long tx) throws InterruptedException {
        try {
            DbProtocol.CommitResponse done = await(db.commit(tx));
            out.println("[" + who + "] commit tx " + tx + " -> version=" + done.version() + " written=" + done.written());
            return true;
        } catch (IpcException e) {
            if (e.code() != ErrorCode.HANDLER_ERROR) {
                throw e;
            }
            out.println("[" + who + "] commit tx " + tx + " failed: " + e.detail());
            return false;
        }
    }

    /** Rolls {@code tx} back. */
    public void rollback(long tx) throws InterruptedException {
        out.println("[" + who + "] rollback tx " + tx + " -> discarded=" + await(db.rollback(tx)).discarded());
    }

    /** Subscribes {@code replica} (served on this connection) to the server's commits. */
    public void subscribe(Replica replica) throws InterruptedException {
        DbProtocol.SubscribeResponse start = await(db.subscribe());
        replica.start(start.version(), start.snapshot());
        out.println("[" + who + "] subscribed -> " + replica.describe());
    }

    /** Asks the server to stop. */
    public void shutdown() throws InterruptedException {
        out.println("[" + who + "] shutdown -> accepted=" + await(db.shutdown()).accepted());
    }
}
