package dev.ipcgen.idl.parse;

import dev.ipcgen.idl.ast.IdlFile;
import dev.ipcgen.idl.diag.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of parsing one file.
 *
 * @param file the syntax tree; present unless the text could not be parsed at all (invalid UTF-8,
 *     nesting too deep). After syntax errors it holds what could be read.
 * @param diagnostics syntax errors and warnings, by position; at most
 *     {@link dev.ipcgen.idl.schema.SchemaLoader#MAX_ERRORS} of each
 * @param omittedErrors how many more errors were found but not kept
 * @param omittedWarnings how many more warnings were found but not kept
 */
public record ParseResult(Optional<IdlFile> file, List<Diagnostic> diagnostics, long omittedErrors,
        long omittedWarnings) {
    /** Copies the list. */
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** A result that kept every diagnostic found. */
    public ParseResult(Optional<IdlFile> file, List<Diagnostic> diagnostics) {
        this(file, diagnostics, 0, 0);
    }

    /** Whether any diagnostic is an error. */
    public boolean hasErrors() {
        return omittedErrors > 0 || diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
