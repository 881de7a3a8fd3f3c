package dev.ipcgen.codegen;

import dev.ipcgen.idl.diag.Diagnostic;
import java.util.List;

/**
 * The outcome of a run: the files (none when there are errors) and every diagnostic.
 */
public record GenerationResult(List<GeneratedFile> files, List<Diagnostic> diagnostics) {
    /** Copies the lists. */
    public GenerationResult {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
    }

    /** Whether any diagnostic is an error. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
