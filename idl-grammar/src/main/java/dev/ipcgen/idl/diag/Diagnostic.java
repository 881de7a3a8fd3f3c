package dev.ipcgen.idl.diag;

import java.util.Objects;

/**
 * One problem found in the input. Its first line, {@link #headline()}, is always
 * {@code path:line:col: error: message} (or {@code warning:}).
 *
 * @param span where, or {@code null} for a problem with no place in a file (a missing input)
 */
public record Diagnostic(Severity severity, SourceSpan span, String message) {

    /** Checks the required parts. */
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** An error at {@code span}. */
    public static Diagnostic error(SourceSpan span, String message) {
        return new Diagnostic(Severity.ERROR, span, message);
    }

    /** A warning at {@code span}. */
    public static Diagnostic warning(SourceSpan span, String message) {
        return new Diagnostic(Severity.WARNING, span, message);
    }

    /** Whether this stops generation. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code path:line:col: error: message}, or {@code error: message} without a place. */
    public String headline() {
        return (span == null ? "" : span + ": ") + severity.label() + ": " + message;
    }

    @Override
    public String toString() {
        return headline();
    }
}
