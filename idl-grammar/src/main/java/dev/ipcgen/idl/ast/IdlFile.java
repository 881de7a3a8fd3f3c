package dev.ipcgen.idl.ast;

import java.util.List;
import java.util.Optional;

/**
 * One parsed file.
 *
 * @param path the display path its spans use
 * @param doc the doc comment before {@code package}, if any
 * @param packageDecl the {@code package} line, if any
 * @param imports the {@code import} lines in order
 * @param declarations structs, enums and protocols in declaration order
 */
public record IdlFile(String path, Optional<String> doc, Optional<PackageDecl> packageDecl,
        List<ImportDecl> imports, List<Declaration> declarations) {
    /** Copies the lists. */
    public IdlFile {
        imports = List.copyOf(imports);
        declarations = List.copyOf(declarations);
    }
}
