package dev.ipcgen.cli;

import dev.ipcgen.idl.diag.Diagnostic;
import dev.ipcgen.idl.diag.DiagnosticFormatter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Prints diagnostics as compilers do: {@code file:line:col: error: ...}, the source line and a caret. */
final class DiagnosticPrinter {

    private DiagnosticPrinter() {
    }

    /** Prints each of {@code diagnostics} to {@code err}; returns how many are errors. */
    static long print(List<Diagnostic> diagnostics, PrintWriter err) {
        Map<String, Optional<String>> sources = new HashMap<>();
        for (Diagnostic d : diagnostics) {
            Optional<String> source = d.span() == null ? Optional.empty()
                    : sources.computeIfAbsent(d.span().path(), DiagnosticPrinter::read);
            err.println(DiagnosticFormatter.format(d, source));
        }
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    /** {@code 1 error}, {@code 2 errors}. */
    static String errors(long count) {
        return count + (count == 1 ? " error" : " errors");
    }

    /** The text of a file a diagnostic names (its path as the user gave it), if it can be read. */
    private static Optional<String> read(String path) {
        try {
            return Optional.of(Files.readString(Path.of(path)));
        } catch (IOException | RuntimeException e) {
            // The headline alone still says what and where.
            return Optional.empty();
        }
    }
}
