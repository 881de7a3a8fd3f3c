package dev.ipcgen.idl.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.idl.testing.IpcFiles;
import dev.ipcgen.idl.testing.LoadMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten-megabyte inputs, each loaded by {@link LoadMain} in a child JVM limited to 512 MiB of heap:
 * they must end, within a generous limit, with a one-line report rather than a stack trace, an
 * {@code OutOfMemoryError} or a hang.
 */
class LargeInputTest {

    private static final int TEN_MB = 10 * 1024 * 1024;
    /** Generous: the loads take a few seconds; this only tells a hang from slowness. */
    private static final long LIMIT_MILLIS = 60_000;

    @TempDir
    Path dir;

    /** What the child printed, and how it ended. */
    private record Run(int status, String output) {
    }

    @Test
    void load_ofTenMegabytesOfDeclarations_givesTheSchema() throws Exception {
        StringBuilder sb = new StringBuilder("package big;\n\nprotocol big version 1 {\n    get -> { head: S0 }\n}\n");
        int n = 0;
        while (sb.length() < TEN_MB) {
            // A chain through every struct: S0 holds S1 directly, and so on, which the size check
            // and the fingerprint must follow without recursing once per link.
            sb.append("/// Number ").append(n).append(".\nstruct S").append(n).append(" { id: u64, name: String, next: S")
                    .append(n + 1).append(", tags: Vec<Option<String>>, by_name: HashMap<String, E").append(n % 100)
                    .append("> }\n");
            n++;
        }
        sb.append("struct S").append(n).append(" {}\n");
        for (int e = 0; e < 100; e++) {
            sb.append("enum E").append(e).append(" { A, B(u8, String), C { x: Option<S0> } }\n");
        }
        Path file = new IpcFiles(dir).write("big.ipc", sb.toString());

        Run run = load(file);

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).isEqualTo("schema=true diagnostics=0\ntypes=" + (n + 101) + " protocols=1\n");
    }

    @Test
    void load_ofTenMegabytesOfInfiniteChain_reportsTheCycleOnce() throws Exception {
        StringBuilder sb = new StringBuilder("package big;\n");
        int n = 0;
        while (sb.length() < TEN_MB) {
            sb.append("struct S").append(n).append(" { next: S").append(n + 1).append(" }\n");
            n++;
        }
        sb.append("struct S").append(n).append(" { again: S").append(n).append(" }\n");
        Path file = new IpcFiles(dir).write("chain.ipc", sb.toString());

        Run run = load(file);

        assertThat(run.status()).as(run.output()).isZero();
        String cycle = file + ":" + (n + 2) + ":8: error: struct 'S" + n + "' has infinite size: S" + n + ".again -> S" + n
                + "; break the cycle with Option, Vec or HashMap";
        assertThat(run.output()).isEqualTo("schema=false diagnostics=1\nfirst=" + cycle + "\nlast=" + cycle + "\n");
    }

    @Test
    void load_ofTenMegabytesOfTokenGarbage_reportsAHundredErrorsAndHowManyMore() throws Exception {
        String[] tokens = {"struct", "enum", "protocol", "version", "package", "import", "{", "}", "(", ")", "<", ">",
            ",", ";", ":", "->", "Vec", "Option", "x", "1", "\"a.ipc\"", "///", "// c", "\n", "#", "é"};
        Random random = new Random(11);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < TEN_MB) {
            sb.append(tokens[random.nextInt(tokens.length)]).append(' ');
        }
        Path file = new IpcFiles(dir).write("garbage.ipc", sb.toString());

        Run run = load(file);

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).startsWith("schema=false diagnostics=" + (2 * SchemaLoader.MAX_ERRORS + 2) + "\n")
                .containsPattern("\nunplaced=error: too many errors; [1-9][0-9]{4,} more not shown\n"
                        + "unplaced=warning: too many warnings; [1-9][0-9]{4,} more not shown\n$");
    }

    @Test
    void load_ofTenMegabytesOfRandomBytes_reportsInvalidUtf8() throws Exception {
        byte[] bytes = new byte[TEN_MB];
        new Random(5).nextBytes(bytes);
        Path file = new IpcFiles(dir).write("random.ipc", bytes);

        Run run = load(file);

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).startsWith("schema=false diagnostics=1\nfirst=" + file + ":1:")
                .contains(": error: not valid UTF-8: byte 0x");
    }

    private Run load(Path file) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Xss512k");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LoadMain.class.getName());
        command.add(file.toString());
        Path out = dir.resolve("out.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            boolean ended = process.waitFor(LIMIT_MILLIS, TimeUnit.MILLISECONDS);
            assertThat(ended).as("loading %s ended within %d ms", file, LIMIT_MILLIS).isTrue();
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }
}
