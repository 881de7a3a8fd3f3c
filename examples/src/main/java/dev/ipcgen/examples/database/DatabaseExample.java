package dev.ipcgen.examples.database;

import dev.ipcgen.examples.Example;
import dev.ipcgen.examples.ExampleArgs;
import dev.ipcgen.examples.ExampleClient;
import dev.ipcgen.examples.ExampleFailure;
import dev.ipcgen.examples.ExampleFiles;
import dev.ipcgen.examples.ExampleServer;
import dev.ipcgen.runtime.Endpoint;
import dev.ipcgen.runtime.IpcConnection;
import dev.ipcgen.runtime.IpcException;
import dev.ipcgen.runtime.IpcServer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The database example: an in-memory key-value store with transactions over one Unix socket,
 * commits replicated to subscribed clients.
 *
 * <ul>
 *   <li>{@code demo}: the server, a replica and two writers in this process: a commit, a conflict
 *       between two transactions, a rollback, all replicated;
 *   <li>{@code server --socket PATH}: serves until a client calls {@code shutdown};
 *   <li>{@code client --socket PATH [--get K,K] [--put K=V,K=V] [--delete K,K] [--rollback]}: one
 *       transaction (gets, then puts, then deletes, then commit or rollback); exit 1 on a conflict;
 *   <li>{@code client --socket PATH --replica N}: subscribes and prints the store as the next N
 *       commits are pushed; {@code --shutdown} with either asks the server to stop at the end.
 * </ul>
 */
public final class DatabaseExample implements Example {

    private static final long REPLICA_WAIT_SECONDS = 60;

    @Override
    public int run(ExampleArgs args) throws InterruptedException {
        switch (args.mode()) {
            case "demo" -> {
                args.allowOnly(Set.of());
                demo();
                return 0;
            }
            case "server" -> {
                args.allowOnly(Set.of("socket"));
                serve(args.socket());
                return 0;
            }
            default -> {
                args.allowOnly(Set.of("socket", "get", "put", "delete", "rollback", "replica", "shutdown"));
                return client(args);
            }
        }
    }

    private static void demo() throws InterruptedException {
        Path dir = ExampleFiles.tempDir();
        Path socket = dir.resolve("db.sock");
        try (IpcServer server = start(socket, new DatabaseServer(System.out))) {
            System.out.println("[demo] database listening on " + server.endpoint());
            Replica replica = new Replica(System.out);
            try (IpcConnection replicaConnection = ExampleClient.connect(socket, ReplicationProtocol.service(replica));
                    IpcConnection aliceConnection = ExampleClient.connect(socket);
                    IpcConnection bobConnection = ExampleClient.connect(socket)) {
                new DatabaseClient(replicaConnection, "replica", System.out).subscribe(replica);
                DatabaseClient alice = new DatabaseClient(aliceConnection, "alice", System.out);
                DatabaseClient bob = new DatabaseClient(bobConnection, "bob", System.out);

                System.out.println("[demo] 1. a commit, pushed to the replica");
                long tx = alice.begin();
                alice.put(tx, Map.of("balance", "100"));
                alice.commit(tx);

                System.out.println("[demo] 2. two transactions read and write the same key: the second commit conflicts");
                long a = alice.begin();
                long b = bob.begin();
                alice.get(a, "balance");
                bob.get(b, "balance");
                alice.put(a, Map.of("balance", "150"));
                bob.put(b, Map.of("balance", "80"));
                alice.commit(a);
                bob.commit(b);

                System.out.println("[demo] 3. a rollback: nothing is written or pushed");
                long c = bob.begin();
                bob.put(c, Map.of("note", "draft"));
                bob.rollback(c);
                long d = bob.begin();
                bob.get(d, "note");
                bob.commit(d);

                if (!replica.awaitCommits(2, REPLICA_WAIT_SECONDS)) {
                    throw new ExampleFailure("the replica did not get both commits");
                }
                System.out.println("[demo] replica " + replica.describe());
            }
        } finally {
            ExampleFiles.deleteQuietly(socket);
            ExampleFiles.deleteQuietly(dir);
        }
        System.out.println("[demo] done");
    }

    private static void serve(Path socket) throws InterruptedException {
        DatabaseServer database = new DatabaseServer(System.out);
        ExampleServer.serveUntil(start(socket, database), "server", "", database::awaitShutdownRequest);
    }

    private static int client(ExampleArgs args) throws InterruptedException {
        List<String> gets = list(args.option("get"));
        Map<String, String> puts = entries(args.option("put"));
        List<String> deletes = list(args.option("delete"));
        long replicaCommits = args.unsignedLong("replica", 0);
        if (Long.compareUnsigned(replicaCommits, 1000) > 0) {
            throw new ExampleArgs.UsageException("--replica takes at most 1000 commits, not " + Long.toUnsignedString(replicaCommits));
        }
        Replica replica = replicaCommits > 0 ? new Replica(System.out) : null;
        try (IpcConnection connection = replica == null ? ExampleClient.connect(args.socket())
                : ExampleClient.connect(args.socket(), ReplicationProtocol.service(replica))) {
            DatabaseClient db = new DatabaseClient(connection, "client", System.out);
            boolean committed = true;
            if (replica != null) {
                db.subscribe(replica);
                if (!replica.awaitCommits((int) replicaCommits, REPLICA_WAIT_SECONDS)) {
                    throw new ExampleFailure("fewer than " + replicaCommits + " commits within " + REPLICA_WAIT_SECONDS + " s");
                }
                System.out.println("[client] replica " + replica.describe());
            } else if (!gets.isEmpty() || !puts.isEmpty() || !deletes.isEmpty()) {
                long tx = db.begin();
                for (String key : gets) {
                    db.get(tx, key);
                }
                db.put(tx, puts);
                db.delete(tx, deletes);
                if (args.option("rollback").isPresent()) {
                    db.rollback(tx);
                } else {
                    committed = db.commit(tx);
                }
            }
            if (args.option("shutdown").isPresent()) {
                db.shutdown();
            }
            return committed ? 0 : 1;
        } catch (IpcException e) {
            throw new ExampleFailure(e.getMessage());
        }
    }

    private static List<String> list(Optional<String> option) {
        return option.map(v -> Arrays.stream(v.split(",")).filter(k -> !k.isEmpty()).toList()).orElse(List.of());
    }

    private static Map<String, String> entries(Optional<String> option) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String pair : list(option)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ExampleArgs.UsageException("--put takes KEY=VALUE pairs separated by commas, not '" + pair + "'");
            }
            entries.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return entries;
    }

    private static IpcServer start(Path socket, DatabaseServer database) {
        return ExampleFailure.reporting(() -> IpcServer.builder()
                .listen(Endpoint.unix(socket))
                .serve(DbProtocol.service(database))
                .connectionListener(database)
                .start());
    }
}
