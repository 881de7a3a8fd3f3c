package dev.ipcgen.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The {@code .ipc} files named on the command line: files as given, folders as every {@code *.ipc} below them. */
final class InputFiles {

    private InputFiles() {
    }

    /**
     * The files of {@code args} in order, each folder replaced by the {@code .ipc} files below it
     * sorted by path (so runs are reproducible); empty, after a one-line error on {@code err}, when
     * an argument does not exist or a folder holds no {@code .ipc} file.
     */
    static Optional<List<Path>> expand(List<Path> args, PrintWriter err) {
        List<Path> files = new ArrayList<>();
        for (Path a : args) {
            if (Files.isRegularFile(a)) {
                files.add(a);
            } else if (Files.isDirectory(a)) {
                List<Path> below;
                try (Stream<Path> walk = Files.walk(a)) {
                    below = walk.filter(p -> p.getFileName().toString().endsWith(".ipc") && Files.isRegularFile(p))
                            .sorted((x, y) -> x.toString().replace('\\', '/').compareTo(y.toString().replace('\\', '/')))
                            .toList();
                } catch (IOException | RuntimeException e) {
                    err.println("error: " + a + ": cannot list the folder (" + e.getMessage() + ")");
                    return Optional.empty();
                }
                if (below.isEmpty()) {
                    err.println("error: " + a + ": no .ipc files in this folder");
                    return Optional.empty();
                }
                files.addAll(below);
            } else {
                err.println("error: " + a + ": " + (Files.exists(a) ? "not a file or folder" : "no such file"));
                return Optional.empty();
            }
        }
        return Optional.of(files);
    }
}
