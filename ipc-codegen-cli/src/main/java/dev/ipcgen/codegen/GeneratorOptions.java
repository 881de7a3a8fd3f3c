package dev.ipcgen.codegen;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a generation run needs besides its input files.
 *
 * @param importRoots folders searched for imports after the importing file's own folder
 * @param defaultJavaPackage the Java package of files that declare none
 */
public record GeneratorOptions(List<Path> importRoots, Optional<String> defaultJavaPackage) {
    /** Copies the list. */
    public GeneratorOptions {
        importRoots = List.copyOf(importRoots);
    }

    /** No import roots, no default package. */
    public static GeneratorOptions defaults() {
        return new GeneratorOptions(List.of(), Optional.empty());
    }
}
