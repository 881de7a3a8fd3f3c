package dev.ipcgen.idl.schema;

import dev.ipcgen.idl.diag.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of loading a schema set: the schema when there were no errors, and every
 * diagnostic (errors and warnings) in the order found.
 */
public record LoadResult(Optional<Schema> schema, List<Diagnostic> diagnostics) {
    /** Copies the list. */
    public LoadResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** Whether any diagnostic is an error. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
