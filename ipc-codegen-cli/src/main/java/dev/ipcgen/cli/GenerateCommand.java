package dev.ipcgen.cli;

import dev.ipcgen.codegen.GenerationResult;
import dev.ipcgen.codegen.Generator;
import dev.ipcgen.codegen.GeneratorOptions;
import dev.ipcgen.idl.diag.Diagnostic;
import dev.ipcgen.idl.diag.DiagnosticFormatter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ipcgen generate --out DIR [-I DIR]... [--java-package P] FILE...}: a thin front end of {@link Generator}. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        versionProvider = IpcgenCommand.Version.class,
        description = "Checks .ipc files and the files they import, and writes Java sources for all of them.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Folder of the generated sources (created if missing).")
    Path out;

    @Option(names = {"-I", "--import-root"}, paramLabel = "DIR",
            description = "Folder searched for imports after the importing file's own folder; repeatable.")
    List<Path> importRoots = new ArrayList<>();

    @Option(names = "--java-package", paramLabel = "PACKAGE",
            description = "Java package of the files that declare no package.")
    String javaPackage;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .ipc files to generate.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                err.println("error: " + f + ": " + (Files.exists(f) ? "not a file" : "no such file"));
                return IpcgenCommand.INPUT_ERROR;
            }
        }
        GenerationResult result = new Generator().generate(files,
                new GeneratorOptions(importRoots, Optional.ofNullable(javaPackage)));
        Map<String, Optional<String>> sources = new HashMap<>();
        for (Diagnostic d : result.diagnostics()) {
            Optional<String> source = d.span() == null ? Optional.empty()
                    : sources.computeIfAbsent(d.span().path(), GenerateCommand::read);
            err.println(DiagnosticFormatter.format(d, source));
        }
        if (result.hasErrors()) {
            long errors = result.diagnostics().stream().filter(Diagnostic::isError).count();
            err.println(errors + (errors == 1 ? " error" : " errors") + "; nothing generated");
            return IpcgenCommand.INPUT_ERROR;
        }
        try {
            Generator.write(result.files(), out);
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return IpcgenCommand.INPUT_ERROR;
        }
        spec.commandLine().getOut().println("generated " + result.files().size()
                + (result.files().size() == 1 ? " file in " : " files in ") + out);
        return 0;
    }

    /** The text of a file a diagnostic names (its path as the user gave it), if it can be read. */
    private static Optional<String> read(String path) {
        try {
            return Optional.of(Files.readString(Path.of(path)));
        } catch (IOException | RuntimeException e) {
            // The headline alone still says what and where.
            return Optional.empty();
        }
    }
}
