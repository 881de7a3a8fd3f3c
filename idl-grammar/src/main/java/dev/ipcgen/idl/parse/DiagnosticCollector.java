package dev.ipcgen.idl.parse;

import dev.ipcgen.idl.diag.Diagnostic;
import dev.ipcgen.idl.diag.SourceSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The diagnostics of one file. Keeps one error per position (ANTLR's recovery can report a spot
 * the lexer already reported)
 * and stops collecting errors after {@link #MAX_ERRORS}, so that binary garbage gives a readable
 * report rather than thousands of lines.
 */
final class DiagnosticCollector {

    static final int MAX_ERRORS = 50;

    private final String path;
    private final Set<Diagnostic> diagnostics = new LinkedHashSet<>();
    private final Set<SourceSpan> errorSpans = new HashSet<>();
    private int errors;
    private SourceSpan truncatedAt;
    private boolean frozen;

    DiagnosticCollector(String path) {
        this.path = path;
    }

    /** An error at a 1-based line and 0-based column, as ANTLR counts. */
    void error(int line, int charPositionInLine, String message) {
        error(span(line, charPositionInLine), message);
    }

    void error(SourceSpan span, String message) {
        if (frozen || errors == MAX_ERRORS || !errorSpans.add(span)) {
            // One error per place: the first (often the lexer's) says it best.
            return;
        }
        if (diagnostics.add(Diagnostic.error(span, message)) && ++errors == MAX_ERRORS) {
            truncatedAt = span;
        }
    }

    /** Ignores later errors: the input was cut short and what the parser says next is noise. */
    void freeze() {
        frozen = true;
    }

    void warning(SourceSpan span, String message) {
        diagnostics.add(Diagnostic.warning(span, message));
    }

    SourceSpan span(int line, int charPositionInLine) {
        return new SourceSpan(path, Math.max(1, line), Math.max(0, charPositionInLine) + 1);
    }

    boolean hasErrors() {
        return errors > 0;
    }

    /** By position; the order found among equal positions. */
    List<Diagnostic> sorted() {
        List<Diagnostic> list = new ArrayList<>(diagnostics);
        list.sort(Comparator.comparingInt((Diagnostic d) -> d.span().line()).thenComparingInt(d -> d.span().column()));
        if (truncatedAt != null) {
            list.add(Diagnostic.error(truncatedAt, "too many errors in this file; the rest are not shown"));
        }
        return list;
    }
}
