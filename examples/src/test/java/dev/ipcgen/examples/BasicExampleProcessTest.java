package dev.ipcgen.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import org.junit.jupiter.api.Test;

/**
 * Runs the basic example as real JVM processes, as a user would, and checks what the server
 * derived from random request data, the exit statuses, and that the socket file is gone after.
 */
class BasicExampleProcessTest extends ExampleProcessTest {

    @Override
    String socketName() {
        return "basic.sock";
    }


    @Test
    void demo_printsEachCallAndTheAnswersDerivedFromItsInput() throws Exception {
        long id = random.nextLong() | 1L << 63;         // past Long.MAX_VALUE: printed unsigned
        String message = "note-" + Long.toHexString(random.nextLong());
        try (ExampleProcess demo = ExampleProcess.start("basic", "demo", "--id", Long.toUnsignedString(id),
                "--message", message)) {
            assertThat(demo.waitFor(60)).as("exit status; seed %d; stderr %s", SEED, demo.stderr()).isZero();
            String out = demo.stdout();
            assertThat(out).as("seed %d", SEED)
                    .contains("-> app_protocol.get_user(id=" + Long.toUnsignedString(id) + ")")
                    .contains(expectedUserLine(id))
                    .contains("<- users=[user-1, user-2, user-3]")
                    .contains("[server] log level 1: " + message)
                    .contains("<- connections=1 calls=4")
                    .contains("[demo] done");
            assertThat(demo.stderr()).doesNotContain("Exception");
        }
    }

    @Test
    void separateProcesses_talkOverTheSocket_andTheServerCleansUp() throws Exception {
        long id = random.nextLong() & ~1L;             // even: the user has an email
        if (id == 0) {
            id = 2;
        }
        String message = "msg-" + random.nextInt(1_000_000);
        try (ExampleProcess server = ExampleProcess.start("basic", "server", "--socket", socket.toString())) {
            server.awaitOutput("listening on", 30);
            assertThat(socket).exists();
            try (ExampleProcess client = ExampleProcess.start("basic", "client", "--socket", socket.toString(),
                    "--id", Long.toUnsignedString(id), "--message", message, "--shutdown")) {
                assertThat(client.waitFor(60)).as("client exit; seed %d; stderr %s", SEED, client.stderr()).isZero();
                assertThat(client.stdout()).as("seed %d", SEED)
                        .contains(expectedUserLine(id))
                        .contains("<- connections=1 calls=4")
                        .contains("<- accepted=true");
            }
            assertThat(server.waitFor(30)).as("server exit; stderr %s", server.stderr()).isZero();
            assertThat(server.stdout())
                    .contains("[server] log level 1: " + message)
                    .contains("[server] shutdown requested: client done")
                    .contains("[server] stopped");
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void client_withNoServer_saysSoInOneLine() throws Exception {
        try (ExampleProcess client = ExampleProcess.start("basic", "client", "--socket", socket.toString())) {
            assertThat(client.waitFor(30)).isEqualTo(1);
            assertThat(client.stderr().strip()).startsWith("error: ").contains(socket.toString()).doesNotContain("\n");
            assertThat(client.stderr()).doesNotContain("\tat ");
        }
    }

    @Test
    void secondServer_onALiveSocket_refusesToStart() throws Exception {
        try (ExampleProcess first = ExampleProcess.start("basic", "server", "--socket", socket.toString())) {
            first.awaitOutput("listening on", 30);
            try (ExampleProcess second = ExampleProcess.start("basic", "server", "--socket", socket.toString())) {
                assertThat(second.waitFor(30)).isEqualTo(1);
                assertThat(second.stderr().strip()).startsWith("error: ").contains(socket.toString()).doesNotContain("\n");
            }
            assertThat(socket).as("the live server's socket is left alone").exists();
            try (ExampleProcess client = ExampleProcess.start("basic", "client", "--socket", socket.toString(), "--shutdown")) {
                assertThat(client.waitFor(60)).isZero();
            }
            assertThat(first.waitFor(30)).isZero();
        }
    }

    @Test
    void staleSocketFile_isReplaced() throws Exception {
        // A bound-then-closed JDK server socket leaves its file behind, as a crashed server would.
        try (ServerSocketChannel stale = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            stale.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();
        try (ExampleProcess server = ExampleProcess.start("basic", "server", "--socket", socket.toString())) {
            server.awaitOutput("listening on", 30);
            try (ExampleProcess client = ExampleProcess.start("basic", "client", "--socket", socket.toString(), "--shutdown")) {
                assertThat(client.waitFor(60)).as("client stderr %s", client.stderr()).isZero();
            }
            assertThat(server.waitFor(30)).isZero();
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void unknownExample_isAUsageError() throws Exception {
        assertUsageError("no example named 'nosuch'",
                "nosuch", "demo");
    }

    /** What UserDirectory.userFor documents, computed here independently from the id. */
    private static String expectedUserLine(long id) {
        String u = Long.toUnsignedString(id);
        String email = (id & 1) == 0 ? "user-" + u + "@example.com" : "none";
        String role = new String[] {"Admin", "Member", "Guest"}[(int) Long.remainderUnsigned(id, 3)];
        return "<- user=User{id=" + u + ", name=user-" + u + ", email=" + email + ", roles=[" + role
                + "], attributes={id_hex=" + Long.toHexString(id) + ", source=basic-example}}";
    }
}
