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
 * @param diagnostics syntax errors and warnings, by position
 */
public record ParseResult(Optional<IdlFile> file, List<Diagnostic> diagnostics) {
    /** Copies the list. */
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** Whether any diagnostic is an error. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
