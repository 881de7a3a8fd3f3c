package dev.ipcgen.maven;

import dev.ipcgen.codegen.GeneratedFile;
import dev.ipcgen.codegen.Generator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The folder generated sources go to: writes a run's files and removes what earlier runs left
 * there.
 */
final class GeneratedOutput {

    private final Path dir;

    /** The output folder {@code dir}; it need not exist yet. */
    GeneratedOutput(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /**
     * Deletes everything inside the folder but the files {@code keep} (relative paths with
     * {@code /}), and the folders left empty, so types removed from the IDL do not linger. Only for
     * a folder the build owns (under the build directory): a folder the user chose elsewhere may
     * hold their own sources, so use {@link #deleteFiles} there.
     */
    void deleteAllExcept(Collection<String> keep) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Set<Path> kept = keep.stream().map(this::resolve).collect(Collectors.toSet());
        List<Path> contents;
        try (Stream<Path> walk = Files.walk(dir)) {
            contents = walk.filter(path -> !path.equals(dir))
                    .sorted(Comparator.reverseOrder())
                    .toList();
        }
        // Reverse order visits a folder after its contents, so it is empty by then if nothing in it
        // was kept.
        for (Path path : contents) {
            boolean folder = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
            if (folder ? isEmptyDirectory(path) : !kept.contains(path)) {
                Files.delete(path);
            }
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

    /**
     * Writes {@code files} with the generator's writer, which leaves a file whose content is
     * unchanged untouched (so the compiler sees no change), and returns their relative paths.
     */
    List<String> write(List<GeneratedFile> files) throws IOException {
        List<String> written = new ArrayList<>(files.size());
        for (GeneratedFile generated : files) {
            resolve(generated.relativePath());
            written.add(generated.relativePath());
        }
        Generator.write(files, dir);
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
