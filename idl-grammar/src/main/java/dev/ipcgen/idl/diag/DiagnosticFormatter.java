package dev.ipcgen.idl.diag;

import java.util.Optional;

/**
 * Prints a diagnostic as a user reads it: the headline, then the source line and a caret under the
 * column.
 *
 * <pre>
 * api.ipc:3:14: error: unknown type 'Usr': did you mean 'User'?
 *     user: Usr,
 *           ^
 * </pre>
 */
public final class DiagnosticFormatter {

    private DiagnosticFormatter() {
    }

    /**
     * The diagnostic with its source line when {@code source} (the text of the file the span names)
     * is given and holds that line; otherwise only the headline.
     */
    public static String format(Diagnostic diagnostic, Optional<String> source) {
        SourceSpan span = diagnostic.span();
        if (span == null || source.isEmpty()) {
            return diagnostic.headline();
        }
        String text = source.get().startsWith("\uFEFF") ? source.get().substring(1) : source.get();
        String[] lines = text.split("\n", -1);
        if (span.line() > lines.length) {
            return diagnostic.headline();
        }
        String line = lines[span.line() - 1];
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        StringBuilder caret = new StringBuilder();
        // Keep tabs so that the caret lines up however the terminal shows them.
        line.codePoints().limit(span.column() - 1L).forEach(cp -> caret.append(cp == '\t' ? '\t' : ' '));
        return diagnostic.headline() + "\n" + line + "\n" + caret + "^";
    }
}
