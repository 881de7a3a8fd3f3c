package dev.ipcgen.idl.schema;

import dev.ipcgen.idl.diag.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of loading a schema set: the schema when there were no errors, and the diagnostics
 * by file, line and column: at most {@link SchemaLoader#MAX_ERRORS} errors and as many warnings,
 * then, when there were more, a diagnostic without a place for each kind saying how many more
 * ({@code error: too many errors; 37 more not shown}).
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
