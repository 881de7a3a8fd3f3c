package dev.ipcgen.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Short fresh directories for Unix sockets: socket paths are limited to about 107 bytes, so tests
 * put them under the system temp dir, never under a deep {@code target/}.
 */
public final class SocketDirs {

    private SocketDirs() {
    }

    /** A new empty directory such as {@code /tmp/ipc1234567}. */
    public static Path create() {
        try {
            return Files.createTempDirectory("ipc");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path for a socket named {@code name} in a new directory. */
    public static Path socket(String name) {
        return create().resolve(name);
    }

    /** Deletes {@code dir} and everything in it; missing files are fine. */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
