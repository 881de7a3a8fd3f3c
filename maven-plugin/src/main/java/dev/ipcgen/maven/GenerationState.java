package dev.ipcgen.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the last successful run left behind: the fingerprint of its inputs and the files it wrote
 * (relative to the output folder, with {@code /}). Stored as a small text file:
 *
 * <pre>
 * fingerprint 3f2a...
 * file dev/ipcgen/demo/Point.java
 * </pre>
 *
 * @param fingerprint the {@link InputFingerprint} of the run
 * @param files the generated files, relative to the output folder
 */
record GenerationState(String fingerprint, List<String> files) {

    private static final String FINGERPRINT = "fingerprint ";
    private static final String FILE = "file ";

    /** Copies the list. */
    GenerationState {
        files = List.copyOf(files);
    }

    /**
     * Reads a state file. A missing or unreadable-as-state file is no state: the caller then
     * regenerates, which is always safe.
     */
    static Optional<GenerationState> read(Path stateFile) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(stateFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).startsWith(FINGERPRINT)) {
            return Optional.empty();
        }
        List<String> files = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.startsWith(FILE)) {
                return Optional.empty();
            }
            files.add(line.substring(FILE.length()));
        }
        return Optional.of(new GenerationState(lines.get(0).substring(FINGERPRINT.length()), files));
    }

    /** Writes this state to {@code stateFile}, creating its folder. */
    void write(Path stateFile) throws IOException {
        List<String> lines = new ArrayList<>(files.size() + 1);
        lines.add(FINGERPRINT + fingerprint);
        files.forEach(file -> lines.add(FILE + file));
        Files.createDirectories(stateFile.toAbsolutePath().getParent());
        Files.write(stateFile, lines, StandardCharsets.UTF_8);
    }
}
