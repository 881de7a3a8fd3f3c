package dev.ipcgen.cli;

import dev.ipcgen.codegen.GenerationResult;
import dev.ipcgen.codegen.Generator;
import dev.ipcgen.codegen.GeneratorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ipcgen generate --out DIR [-I DIR]... [--java-package P] FILE|DIR...}: a thin front end of {@link Generator}. */
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

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR",
            description = "The .ipc files to generate; a folder means every .ipc file below it.")
    List<Path> inputs;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<List<Path>> files = InputFiles.expand(inputs, err);
        if (files.isEmpty()) {
            return IpcgenCommand.INPUT_ERROR;
        }
        GenerationResult result = new Generator().generate(files.get(),
                new GeneratorOptions(importRoots, Optional.ofNullable(javaPackage)));
        long errors = DiagnosticPrinter.print(result.diagnostics(), err);
        if (errors > 0) {
            err.println(DiagnosticPrinter.errors(errors) + "; nothing generated");
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
}
