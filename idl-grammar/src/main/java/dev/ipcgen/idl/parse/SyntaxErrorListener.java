package dev.ipcgen.idl.parse;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/** Turns each ANTLR syntax error into a diagnostic at its 1-based position. */
final class SyntaxErrorListener extends BaseErrorListener {

    private final DiagnosticCollector diagnostics;

    SyntaxErrorListener(DiagnosticCollector diagnostics) {
        this.diagnostics = diagnostics;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
            String msg, RecognitionException e) {
        diagnostics.error(line, charPositionInLine, msg);
    }
}
