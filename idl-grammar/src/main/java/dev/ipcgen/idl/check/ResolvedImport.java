package dev.ipcgen.idl.check;

import dev.ipcgen.idl.ast.ImportDecl;
import java.nio.file.Path;

/**
 * An {@code import} line and the real path of the file it names.
 */
public record ResolvedImport(ImportDecl decl, Path target) {
}
