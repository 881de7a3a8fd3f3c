package dev.ipcgen.idl.parse;

import dev.ipcgen.idl.diag.Diagnostic;
import dev.ipcgen.idl.diag.SourceSpan;
import dev.ipcgen.idl.schema.SchemaLoader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The diagnostics of one file. Keeps one error per position (ANTLR's recovery can report a spot
 * the lexer already reported), and keeps at most {@link SchemaLoader#MAX_ERRORS} errors and as many
 * warnings, more than a run shows, counting the rest: binary garbage or a huge broken file then
 * costs little memory and gives a readable report.
 */
final class DiagnosticCollector {

    private final String path;
    private final Set<Diagnostic> diagnostics = new LinkedHashSet<>();
    private final Set<SourceSpan> errorSpans = new HashSet<>();
    private int errors;
    private int warnings;
    private long omittedErrors;
    private long omittedWarnings;
    private SourceSpan lastOmitted;
    private boolean frozen;

    DiagnosticCollector(String path) {
        this.path = path;
    }

    /** An error at a 1-based line and 0-based column, as ANTLR counts. */
    void error(int line, int charPositionInLine, String message) {
        error(span(line, charPositionInLine), message);
    }

    void error(SourceSpan span, String message) {
        if (frozen) {
            return;
        }
        if (errors == SchemaLoader.MAX_ERRORS) {
            // Past the limit only the count matters; comparing with the last place is enough to
            // keep one error per place, without remembering every place of a huge file.
            if (!span.equals(lastOmitted) && !errorSpans.contains(span)) {
                omittedErrors++;
                lastOmitted = span;
            }
            return;
        }
        if (!errorSpans.add(span)) {
            // One error per place: the first (often the lexer's) says it best.
            return;
        }
        diagnostics.add(Diagnostic.error(span, message));
        errors++;
    }

    /** Ignores later errors: the input was cut short and what the parser says next is noise. */
    void freeze() {
        frozen = true;
    }

    void warning(SourceSpan span, String message) {
        if (warnings == SchemaLoader.MAX_ERRORS) {
            omittedWarnings++;
        } else if (diagnostics.add(Diagnostic.warning(span, message))) {
            warnings++;
        }
    }

    SourceSpan span(int line, int charPositionInLine) {
        return new SourceSpan(path, Math.max(1, line), Math.max(0, charPositionInLine) + 1);
    }

    boolean hasErrors() {
        return errors > 0;
    }

    /** Errors found but not kept. */
    long omittedErrors() {
        return omittedErrors;
    }

    /** Warnings found but not kept. */
    long omittedWarnings() {
        return omittedWarnings;
    }

    /** By position; the order found among equal positions. */
    List<Diagnostic> sorted() {
        List<Diagnostic> list = new ArrayList<>(diagnostics);
        list.sort(Comparator.comparingInt((Diagnostic d) -> d.span().line()).thenComparingInt(d -> d.span().column()));
        return list;
    }
}
