package dev.ipcgen.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Runs the database example as real JVM processes: transactions with random keys and values
 * from separate clients, a replica that must end with exactly the committed state, a rollback that
 * changes nothing.
 */
class DatabaseExampleProcessTest extends ExampleProcessTest {

    @Override
    String socketName() {
        return "db.sock";
    }


    @Test
    void demo_commitsConflictsAndRollsBack_andTheReplicaFollows() throws Exception {
        try (ExampleProcess demo = ExampleProcess.start("database", "demo")) {
            assertThat(demo.waitFor(60)).as("exit; stderr %s", demo.stderr()).isZero();
            assertThat(demo.stdout())
                    .contains("[alice] commit tx 2 -> version=2 written=1")
                    .contains("[bob] commit tx 3 failed: conflict: 'balance' was changed by version 2")
                    .contains("[bob] rollback tx 4 -> discarded=1")
                    .contains("[bob] get note -> (none)")
                    .contains("[demo] replica version 2: {balance=150}");
        }
    }

    @Test
    void separateProcesses_transactionsAreReplicated_andARollbackChangesNothing() throws Exception {
        String a = "a-" + random.nextInt(1_000_000);
        String b = "b-" + random.nextInt(1_000_000);
        String c = "c-" + random.nextInt(1_000_000);
        String va = "v" + Long.toHexString(random.nextLong());
        String vb = "v" + Long.toHexString(random.nextLong());
        String vc = "v" + Long.toHexString(random.nextLong());
        String s = socket.toString();
        try (ExampleProcess server = ExampleProcess.start("database", "server", "--socket", s)) {
            server.awaitOutput("listening on", 30);
            try (ExampleProcess replica = ExampleProcess.start("database", "client", "--socket", s, "--replica", "2")) {
                replica.awaitOutput("[client] subscribed -> version 0: {}", 30);
                try (ExampleProcess first = ExampleProcess.start("database", "client", "--socket", s,
                        "--put", a + "=" + va + "," + b + "=" + vb)) {
                    assertThat(first.waitFor(60)).as("seed %d; stderr %s", SEED, first.stderr()).isZero();
                    assertThat(first.stdout()).contains("[client] commit tx 1 -> version=1 written=2");
                }
                try (ExampleProcess second = ExampleProcess.start("database", "client", "--socket", s,
                        "--get", a, "--delete", b, "--put", c + "=" + vc)) {
                    assertThat(second.waitFor(60)).as("seed %d; stderr %s", SEED, second.stderr()).isZero();
                    assertThat(second.stdout()).as("seed %d", SEED)
                            .contains("[client] get " + a + " -> " + va)
                            .contains("[client] delete " + b + " -> existed=true")
                            .contains("[client] commit tx 2 -> version=2 written=2");
                }
                assertThat(replica.waitFor(60)).as("seed %d; stderr %s", SEED, replica.stderr()).isZero();
                assertThat(replica.stdout()).as("seed %d", SEED)
                        .contains("[replica] version 1: " + a + "=" + va + ", " + b + "=" + vb)
                        .contains("[replica] version 2: " + b + " deleted, " + c + "=" + vc)
                        .contains("[client] replica version 2: {" + a + "=" + va + ", " + c + "=" + vc + "}");
            }
            try (ExampleProcess rollingBack = ExampleProcess.start("database", "client", "--socket", s,
                    "--put", a + "=changed", "--rollback")) {
                assertThat(rollingBack.waitFor(60)).isZero();
                assertThat(rollingBack.stdout()).contains("[client] rollback tx 3 -> discarded=1");
            }
            try (ExampleProcess last = ExampleProcess.start("database", "client", "--socket", s,
                    "--get", a + "," + b, "--shutdown")) {
                assertThat(last.waitFor(60)).isZero();
                assertThat(last.stdout()).as("seed %d", SEED)
                        .contains("[client] get " + a + " -> " + va)
                        .contains("[client] get " + b + " -> (none)")
                        .contains("[client] shutdown -> accepted=true");
            }
            assertThat(server.waitFor(30)).as("server stderr %s", server.stderr()).isZero();
            assertThat(server.stdout())
                    .contains("[server] tx 3 rolled back, 1 write(s) discarded")
                    .contains("[server] stopped");
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void client_withMoreThan2To63ReplicaCommits_isAUsageError() throws Exception {
        assertUsageError("--replica takes at most 1000 commits, not 18446744073709551615",
                "database", "client", "--socket", socket.toString(),
                "--replica", "18446744073709551615");
    }

    @Test
    void client_withAPutThatIsNoPair_isAUsageError() throws Exception {
        assertUsageError("--put takes KEY=VALUE pairs separated by commas, not 'novalue'",
                "database", "client", "--socket", socket.toString(),
                "--put", "novalue");
    }
}
