package dev.ipcgen.cli;

import dev.ipcgen.codegen.GenerationResult;
import dev.ipcgen.codegen.Generator;
import dev.ipcgen.codegen.GeneratorOptions;
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

/**
 * {@code ipcgen check [-I DIR]... [--java-package P] FILE|DIR...}: every diagnostic {@code generate}
 * would report, Java name clashes included, and nothing written.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        versionProvider = IpcgenCommand.Version.class,
        description = "Checks .ipc files and the files they import, and reports errors and warnings; writes nothing.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-I", "--import-root"}, paramLabel = "DIR",
            description = "Folder searched for imports after the importing file's own folder; repeatable.")
    List<Path> importRoots = new ArrayList<>();

    @Option(names = "--java-package", paramLabel = "PACKAGE",
            description = "Java package of the files that declare no package.")
    String javaPackage;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR",
            description = "The .ipc files to check; a folder means every .ipc file below it.")
    List<Path> inputs;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<List<Path>> files = InputFiles.expand(inputs, err);
        if (files.isEmpty()) {
            return IpcgenCommand.INPUT_ERROR;
        }
        GenerationResult result = new Generator().check(files.get(),
                new GeneratorOptions(importRoots, Optional.ofNullable(javaPackage)));
        long errors = DiagnosticPrinter.print(result.diagnostics(), err);
        if (errors > 0) {
            err.println(DiagnosticPrinter.errors(errors));
            return IpcgenCommand.INPUT_ERROR;
        }
        int n = files.get().size();
        spec.commandLine().getOut().println("checked " + n + (n == 1 ? " file" : " files") + ": no errors");
        return 0;
    }
}
