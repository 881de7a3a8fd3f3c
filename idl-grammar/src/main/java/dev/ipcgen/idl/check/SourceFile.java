package dev.ipcgen.idl.check;

import dev.ipcgen.idl.ast.IdlFile;
import java.nio.file.Path;
import java.util.List;

/**
 * One parsed file of a schema set.
 *
 * @param realPath the file's real path, which identifies it
 * @param displayPath the path its diagnostics print
 * @param ast what it declares
 * @param root whether it is an input of the run (rather than reached only through imports)
 * @param imports its imports that resolved to a file, in order
 */
public record SourceFile(Path realPath, String displayPath, IdlFile ast, boolean root, List<ResolvedImport> imports) {
    /** Copies the list. */
    public SourceFile {
        imports = List.copyOf(imports);
    }
}
