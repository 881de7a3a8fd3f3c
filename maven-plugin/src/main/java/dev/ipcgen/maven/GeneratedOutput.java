package dev.ipcgen.maven;

import dev.ipcgen.codegen.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder generated sources go to: clears what an earlier run left there, and writes a run's
 * files.
 */
final class GeneratedOutput {

    private final Path dir;

    /** The output folder {@code dir}; it need not exist yet. */
    GeneratedOutput(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /**
     * Deletes everything inside the folder, so types removed from the IDL do not linger. Only for a
     * folder the build owns (under the build directory): a folder the user chose elsewhere may hold
     * their own sources, so use {@link #deleteFiles} there.
     */
    void deleteAll() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> contents;
        try (Stream<Path> walk = Files.walk(dir)) {
            contents = walk.filter(path -> !path.equals(dir))
                    .sorted(Comparator.reverseOrder())
                    .toList();
        }
        for (Path path : contents) {
            Files.delete(path);
        }
    }

    /**
     * Deletes the files an earlier run wrote (relative paths with {@code /}), and the folders that
     * become empty, leaving anything else in place.
     */
    void deleteFiles(List<String> relativePaths) throws IOException {
        for (String relativePath : relativePaths) {
            Path file = resolve(relativePath);
            Files.deleteIfExists(file);
            for (Path parent = file.getParent(); !parent.equals(dir) && isEmptyDirectory(parent);
                    parent = parent.getParent()) {
                Files.delete(parent);
            }
        }
    }

    /** Writes {@code files} as UTF-8 and returns their relative paths, in order. */
    List<String> write(List<GeneratedFile> files) throws IOException {
        List<String> written = new ArrayList<>(files.size());
        for (GeneratedFile generated : files) {
            Path file = resolve(generated.relativePath());
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated.content(), StandardCharsets.UTF_8);
            written.add(generated.relativePath());
        }
        return written;
    }

    /** Whether every one of {@code relativePaths} exists. */
    boolean containsAll(List<String> relativePaths) {
        return Files.isDirectory(dir)
                && relativePaths.stream().allMatch(path -> Files.isRegularFile(resolve(path)));
    }

    // A relative path is the generator's or the state file's; neither may reach outside the folder.
    private Path resolve(String relativePath) {
        Path file = dir.resolve(relativePath).normalize();
        if (!file.startsWith(dir) || file.equals(dir)) {
            throw new IllegalArgumentException("generated path leaves the output folder: " + relativePath);
        }
        return file;
    }

    private static boolean isEmptyDirectory(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }
}
