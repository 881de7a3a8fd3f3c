package dev.ipcgen.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The temporary folder a demo puts its socket in. */
public final class ExampleFiles {

    private ExampleFiles() {
    }

    /** A new empty folder under the system's temporary directory. */
    public static Path tempDir() {
        try {
            return Files.createTempDirectory("ipc");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code path} if it exists; a failure is ignored (a leftover temp file is harmless). */
    public static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // The demo's output matters more than a leftover empty temp folder.
        }
    }
}
