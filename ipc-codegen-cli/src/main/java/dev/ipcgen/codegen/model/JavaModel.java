package dev.ipcgen.codegen.model;

import dev.ipcgen.idl.diag.Diagnostic;
import java.util.List;

/**
 * The view model of a schema set: a model per generated file, and the errors found while naming
 * things in Java (no file should be generated when there are any).
 */
public record JavaModel(List<FileModel> files, List<Diagnostic> diagnostics) {
    /** Copies the lists. */
    public JavaModel {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
    }
}
