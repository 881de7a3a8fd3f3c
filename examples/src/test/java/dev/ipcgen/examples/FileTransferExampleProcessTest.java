package dev.ipcgen.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the file-transfer example as real JVM processes: a file of random size and content, sent in
 * random chunk and window sizes, must arrive byte for byte, with the SHA-256 the test computes.
 */
class FileTransferExampleProcessTest extends ExampleProcessTest {

    @Override
    String socketName() {
        return "files.sock";
    }

    private Path received;

    @BeforeEach
    void makeReceivedDir() throws IOException {
        received = Files.createDirectory(dir.resolve("received"));
    }

    @Test
    void separateProcesses_uploadAFile_thatArrivesWithTheSameChecksum() throws Exception {
        int size = 100_000 + random.nextInt(600_000);
        int chunk = 1_000 + random.nextInt(64_000);
        int window = 1 + random.nextInt(16);
        byte[] content = new byte[size];
        random.nextBytes(content);
        Path source = dir.resolve("upload-" + random.nextInt(1_000_000) + ".bin");
        Files.write(source, content);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

        try (ExampleProcess server = ExampleProcess.start("file_transfer", "server", "--socket", socket.toString(),
                "--dir", received.toString())) {
            server.awaitOutput("listening on", 30);
            try (ExampleProcess client = ExampleProcess.start("file_transfer", "client", "--socket", socket.toString(),
                    "--file", source.toString(), "--chunk-size", Integer.toString(chunk), "--window", Integer.toString(window))) {
                assertThat(client.waitFor(60)).as("client exit; seed %d; stderr %s", SEED, client.stderr()).isZero();
                assertThat(client.stdout()).as("seed %d", SEED)
                        .contains("sending " + (size + chunk - 1) / chunk + " chunks, at most " + window + " ahead")
                        .contains("<- progress 100%: " + size + " of " + size + " bytes")
                        .contains("<- received=" + size + " sha256=" + sha256 + " verified=true");
            }
            server.awaitOutput("finished", 30);
            assertThat(server.stdout()).as("seed %d", SEED)
                    .contains("[server] upload 1: " + source.getFileName() + ", " + size + " bytes in chunks of " + chunk)
                    .contains("[server] upload 1 finished: " + size + " of " + size + " bytes, sha256 " + sha256 + ", verified");
            assertThat(Files.readAllBytes(received.resolve(source.getFileName()))).as("seed %d", SEED).isEqualTo(content);

            server.terminate();
            assertThat(server.waitFor(30)).as("exit on SIGTERM").isEqualTo(143);
            assertThat(server.stdout()).as("stderr %s", server.stderr()).contains("[server] stopped");
        }
        assertThat(socket).as("removed on SIGTERM").doesNotExist();
    }

    @Test
    void demo_uploadsAndCompares() throws Exception {
        int size = 1 + random.nextInt(300_000);
        try (ExampleProcess demo = ExampleProcess.start("file_transfer", "demo", "--size", Integer.toString(size),
                "--chunk-size", "4096", "--window", "2")) {
            assertThat(demo.waitFor(60)).as("exit; seed %d; stderr %s", SEED, demo.stderr()).isZero();
            assertThat(demo.stdout()).as("seed %d", SEED)
                    .contains("<- progress 100%: " + size + " of " + size + " bytes")
                    .contains("verified=true")
                    .contains("[demo] the received file equals the source");
        }
    }

    @Test
    void client_withAMissingFile_saysSoInOneLine() throws Exception {
        Path missing = dir.resolve("no-such-file");
        try (ExampleProcess client = ExampleProcess.start("file_transfer", "client", "--socket", socket.toString(),
                "--file", missing.toString())) {
            assertThat(client.waitFor(30)).isEqualTo(1);
            assertThat(client.stderr().strip()).isEqualTo("error: cannot read " + missing + ": not a readable file");
        }
    }

    @Test
    void demo_withASizeAbove2To63_isAUsageError() throws Exception {
        assertUsageError("--size takes at most 1 GiB (1073741824), not 18446744073709551615",
                "file_transfer", "demo", "--size", "18446744073709551615");
    }

    @Test
    void client_withAZeroChunkSize_isAUsageError() throws Exception {
        assertUsageError("--chunk-size takes 1 to 4194304 bytes, not 0",
                "file_transfer", "client", "--socket", socket.toString(), "--file", "x", "--chunk-size", "0");
    }
}
