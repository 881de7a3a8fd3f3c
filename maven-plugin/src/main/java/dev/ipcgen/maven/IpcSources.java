package dev.ipcgen.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds the {@code .ipc} files under a folder. */
final class IpcSources {

    private IpcSources() {
    }

    /**
     * Every regular file whose name ends in {@code .ipc} under {@code dir}, at any depth, sorted by
     * path so runs are deterministic. A missing folder has none.
     */
    static List<Path> find(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".ipc"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .collect(Collectors.toUnmodifiableList());
        }
    }
}
