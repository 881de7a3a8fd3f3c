package dev.ipcgen.maven;

import dev.ipcgen.codegen.GenerationResult;
import dev.ipcgen.codegen.GeneratorOptions;
import dev.ipcgen.idl.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * One execution of the {@code generate} goal, without the Maven runtime: finds the inputs, skips
 * the work when nothing changed since the last successful run, otherwise generates, reports the
 * diagnostics, writes the output and removes what is left of earlier runs.
 */
final class GenerationRun {

    /**
     * What a run works on.
     *
     * @param baseDir the project's base folder; diagnostics and the fingerprint use paths relative
     *     to it
     * @param sourceDir where the {@code .ipc} files are
     * @param outputDir where the Java files go
     * @param outputOwnedByBuild whether the output folder is the build's own (under the build
     *     directory), so all of its contents may be deleted before writing
     * @param stateFile where the last successful run is recorded
     * @param importRoots folders searched for imports
     * @param javaPackage the Java package of files that declare none
     * @param generatorIdentity what identifies the generator's code; a change regenerates
     */
    record Settings(Path baseDir, Path sourceDir, Path outputDir, boolean outputOwnedByBuild,
            Path stateFile, List<Path> importRoots, Optional<String> javaPackage,
            String generatorIdentity) {
        /** Copies the list. */
        Settings {
            importRoots = List.copyOf(importRoots);
        }
    }

    /** How a run ended, when it did not fail. */
    enum Outcome {
        /** There were no {@code .ipc} files: nothing was done. */
        NO_INPUTS,
        /** Nothing changed since the last successful run: the output was kept. */
        UP_TO_DATE,
        /** The output was generated afresh. */
        GENERATED
    }

    private final Settings settings;
    private final BiFunction<List<Path>, GeneratorOptions, GenerationResult> generator;
    private final Log log;

    /**
     * A run of {@code generator} (in production {@code new Generator()::generate}) with these
     * settings, reporting to {@code log}.
     */
    GenerationRun(Settings settings, BiFunction<List<Path>, GeneratorOptions, GenerationResult> generator,
            Log log) {
        this.settings = settings;
        this.generator = generator;
        this.log = log;
    }

    /**
     * Runs.
     *
     * @throws MojoFailureException if the {@code .ipc} files have errors (each was logged)
     * @throws IOException if a file cannot be read or written
     */
    Outcome execute() throws MojoFailureException, IOException {
        List<Path> inputs = IpcSources.find(settings.sourceDir());
        if (inputs.isEmpty()) {
            log.info("ipcgen: no .ipc files in " + shown(settings.sourceDir()) + ", nothing to generate");
            return Outcome.NO_INPUTS;
        }
        GeneratedOutput output = new GeneratedOutput(settings.outputDir());
        Optional<GenerationState> previous = GenerationState.read(settings.stateFile());
        String fingerprint = fingerprint(inputs);
        if (previous.isPresent() && previous.get().fingerprint().equals(fingerprint)
                && output.containsAll(previous.get().files())) {
            log.info("ipcgen: " + inputs.size() + " files unchanged, skipping generation");
            return Outcome.UP_TO_DATE;
        }

        GeneratorOptions options = new GeneratorOptions(settings.importRoots(), settings.javaPackage());
        GenerationResult result = generator.apply(inputs, options);
        report(result.diagnostics());

        // The old state goes first: if writing fails half way, the next run must not skip.
        Files.deleteIfExists(settings.stateFile());
        List<String> written = output.write(result.files());
        if (settings.outputOwnedByBuild()) {
            output.deleteAllExcept(written);
        } else if (previous.isPresent()) {
            List<String> stale = new ArrayList<>(previous.get().files());
            stale.removeAll(written);
            output.deleteFiles(stale);
        }
        new GenerationState(fingerprint, written).write(settings.stateFile());
        log.info("ipcgen: generated " + written.size() + " Java file(s) from " + inputs.size()
                + " .ipc file(s) into " + shown(settings.outputDir()));
        return Outcome.GENERATED;
    }

    private void report(List<Diagnostic> diagnostics) throws MojoFailureException {
        DiagnosticPaths paths = new DiagnosticPaths(settings.baseDir());
        int errors = 0;
        for (Diagnostic diagnostic : diagnostics) {
            if (diagnostic.isError()) {
                errors++;
                log.error(paths.headline(diagnostic));
            } else {
                log.warn(paths.headline(diagnostic));
            }
        }
        if (errors > 0) {
            throw new MojoFailureException("ipcgen: " + errors + " error(s) in .ipc files");
        }
    }

    // The imported files count too: an import root's files change the output as much as the
    // inputs do.
    private String fingerprint(List<Path> inputs) throws IOException {
        Set<Path> files = new LinkedHashSet<>(inputs);
        for (Path root : settings.importRoots()) {
            files.addAll(IpcSources.find(root));
        }
        SortedMap<String, String> options = new TreeMap<>();
        options.put("javaPackage", settings.javaPackage().orElse(""));
        options.put("importRoots", settings.importRoots().stream()
                .map(this::shown)
                .collect(Collectors.joining("\n")));
        options.put("outputDirectory", shown(settings.outputDir()));
        return InputFingerprint.compute(settings.generatorIdentity(), options, settings.baseDir(),
                new ArrayList<>(files));
    }

    private String shown(Path path) {
        return InputFingerprint.displayPath(settings.baseDir(), path);
    }
}
