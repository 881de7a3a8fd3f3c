package dev.ipcgen.idl.schema;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How a schema set is loaded.
 *
 * @param importRoots folders searched for {@code import "path";} after the importing file's own folder
 * @param defaultJavaPackage the Java package of files that declare none
 */
public record LoadOptions(List<Path> importRoots, Optional<String> defaultJavaPackage) {
    /** Copies the list. */
    public LoadOptions {
        importRoots = List.copyOf(importRoots);
    }

    /** No import roots, no default package. */
    public static LoadOptions defaults() {
        return new LoadOptions(List.of(), Optional.empty());
    }
}
