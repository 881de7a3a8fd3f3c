package dev.ipcgen.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Runs the bidirectional example as real JVM processes: members with random names and a random
 * line, checked in what the room answered, what it asked them back, and what it pushed to the
 * other member.
 */
class BidirectionalExampleProcessTest extends ExampleProcessTest {

    @Override
    String socketName() {
        return "chat.sock";
    }


    @Test
    void demo_pushesEachLineToTheOtherMember() throws Exception {
        String text = "line-" + Long.toHexString(random.nextLong());
        try (ExampleProcess demo = ExampleProcess.start("bidirectional", "demo", "--text", text)) {
            assertThat(demo.waitFor(60)).as("exit status; seed %d; stderr %s", SEED, demo.stderr()).isZero();
            assertThat(demo.stdout()).as("seed %d", SEED)
                    .contains("[server] alice joins; asked whoami: name=alice heard=0")
                    .contains("<- [bob] members=2")
                    .contains("<- [bob] delivered=1")
                    .contains("[alice] heard bob: " + text)
                    .contains("[bob] heard alice: hi bob, I heard: " + text)
                    .contains("[demo] done");
            assertThat(demo.stderr()).doesNotContain("Exception");
        }
    }

    @Test
    void separateProcesses_callBothWays_andPushToTheOtherMember() throws Exception {
        String listener = "l" + random.nextInt(1_000_000);
        String speaker = "s" + random.nextInt(1_000_000);
        String text = "said-" + Long.toHexString(random.nextLong());
        try (ExampleProcess server = ExampleProcess.start("bidirectional", "server", "--socket", socket.toString())) {
            server.awaitOutput("listening on", 30);
            try (ExampleProcess hearing = ExampleProcess.start("bidirectional", "client", "--socket", socket.toString(),
                    "--name", listener, "--hear", "1")) {
                hearing.awaitOutput("<- [" + listener + "] members=1", 30);
                try (ExampleProcess saying = ExampleProcess.start("bidirectional", "client", "--socket",
                        socket.toString(), "--name", speaker, "--say", text, "--close")) {
                    assertThat(saying.waitFor(60)).as("speaker exit; seed %d; stderr %s", SEED, saying.stderr()).isZero();
                    assertThat(saying.stdout()).as("seed %d", SEED)
                            .contains("[" + speaker + "] the room asks whoami; answering " + speaker)
                            .contains("<- [" + speaker + "] members=2")
                            .contains("<- [" + speaker + "] delivered=1")
                            .contains("<- accepted=true");
                }
                assertThat(hearing.waitFor(60)).as("listener exit; seed %d; stderr %s", SEED, hearing.stderr()).isZero();
                assertThat(hearing.stdout()).as("seed %d", SEED)
                        .contains("[" + listener + "] the room asks whoami; answering " + listener)
                        .contains("[" + listener + "] heard " + speaker + ": " + text);
            }
            assertThat(server.waitFor(30)).as("server exit; stderr %s", server.stderr()).isZero();
            assertThat(server.stdout()).as("seed %d", SEED)
                    .contains("[server] " + listener + " joins; asked whoami: name=" + listener + " heard=0")
                    .contains("[server] " + speaker + " joins; asked whoami: name=" + speaker + " heard=0")
                    .contains("[server] " + speaker + " says: " + text)
                    .contains("[server] close requested by " + speaker)
                    .contains("[server] stopped");
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void client_withoutAName_isAUsageError() throws Exception {
        assertUsageError("client needs --name NAME",
                "bidirectional", "client", "--socket", socket.toString());
    }

    @Test
    void client_hearingMoreThan2To63Lines_isAUsageError() throws Exception {
        assertUsageError("--hear takes at most 1000 lines, not 9223372036854775808",
                "bidirectional", "client", "--socket", socket.toString(),
                "--name", "x", "--hear", "9223372036854775808");
    }

    @Test
    void client_withNoServer_saysSoInOneLine() throws Exception {
        try (ExampleProcess client = ExampleProcess.start("bidirectional", "client", "--socket", socket.toString(),
                "--name", "x")) {
            assertThat(client.waitFor(30)).isEqualTo(1);
            assertThat(client.stderr().strip()).startsWith("error: ").contains(socket.toString()).doesNotContain("\n");
        }
    }
}
