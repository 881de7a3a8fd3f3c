package dev.ipcgen.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every example's process test shares: random inputs from a seed that failing assertions
 * print, and a fresh folder for the socket, deleted with whatever the test put in it.
 */
abstract class ExampleProcessTest {

    static final long SEED = System.nanoTime();
    final Random random = new Random(SEED);
    Path dir;
    Path socket;

    /** The socket file's name in the folder. */
    abstract String socketName();

    @BeforeEach
    void makeSocketDir() throws IOException {
        dir = Files.createTempDirectory("ipc");
        socket = dir.resolve(socketName());
    }

    @AfterEach
    void removeSocketDir() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Runs the launcher with {@code args} and checks that it is a usage error: exit status 2,
     * {@code error: MESSAGE} on stderr, and no stack trace.
     */
    static void assertUsageError(String message, String... args) throws Exception {
        try (ExampleProcess p = ExampleProcess.start(args)) {
            assertThat(p.waitFor(30)).as("exit status; stderr %s", p.stderr()).isEqualTo(2);
            assertThat(p.stderr()).contains("error: " + message).doesNotContain("\tat ");
        }
    }
}
