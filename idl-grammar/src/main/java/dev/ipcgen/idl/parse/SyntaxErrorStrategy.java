package dev.ipcgen.idl.parse;

import dev.ipcgen.idl.diag.Suggestions;
import dev.ipcgen.idl.parse.antlr.IpcLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's recovery with our wording: {@code mismatched input 'x', expecting ':'}, with
 * {@code an identifier} and {@code end of file} instead of token names. A name where only
 * keywords may stand is read as a misspelled keyword: {@code 'strcut' is not a keyword: did you
 * mean 'struct'?}.
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {

    private static final int[] KEYWORDS = {
        IpcLexer.PACKAGE, IpcLexer.IMPORT, IpcLexer.STRUCT, IpcLexer.ENUM, IpcLexer.PROTOCOL, IpcLexer.VERSION,
    };

    @Override
    protected void reportNoViableAlternative(Parser recognizer, NoViableAltException e) {
        reportMismatch(recognizer, e.getOffendingToken(), e.getExpectedTokens(), e);
    }

    @Override
    protected void reportInputMismatch(Parser recognizer, InputMismatchException e) {
        reportMismatch(recognizer, e.getOffendingToken(), e.getExpectedTokens(), e);
    }

    private static void reportMismatch(Parser recognizer, Token at, IntervalSet expected, RecognitionException e) {
        report(recognizer, at, keywordHint(at, expected).orElseGet(() -> mismatch(at) + ", expecting "
                + Tokens.describe(expectedOtherThan(expected, at))), e);
    }

    @Override
    protected void reportUnwantedToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        Token t = recognizer.getCurrentToken();
        IntervalSet expected = getExpectedTokens(recognizer);
        report(recognizer, t, keywordHint(t, expected).orElseGet(() -> (t.getType() == Token.EOF
                ? "unexpected end of file" : "extraneous input " + Tokens.describe(t)) + ", expecting "
                + Tokens.describe(expected)), null);
    }

    /** "Did you mean" when a name stands where a keyword, but no name, may. */
    private static Optional<String> keywordHint(Token t, IntervalSet expected) {
        if (t == null || t.getType() != IpcLexer.IDENT || expected.contains(IpcLexer.IDENT)) {
            return Optional.empty();
        }
        List<String> keywords = new ArrayList<>();
        for (int k : KEYWORDS) {
            if (expected.contains(k)) {
                keywords.add(IpcLexer.VOCABULARY.getLiteralName(k).replace("'", ""));
            }
        }
        return Suggestions.closest(t.getText(), keywords)
                .map(k -> Tokens.describe(t) + " is not a keyword: did you mean '" + k + "'?");
    }

    @Override
    protected void reportMissingToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        Token t = recognizer.getCurrentToken();
        report(recognizer, t, "missing " + Tokens.describe(getExpectedTokens(recognizer)) + " before "
                + Tokens.describe(t), null);
    }

    /**
     * The expected set without the token that failed: after {@code x: u8, ,} ANTLR expects the
     * separator it just saw, which would read "mismatched input ',', expecting '}' or ','".
     */
    private static IntervalSet expectedOtherThan(IntervalSet expected, Token offending) {
        if (offending == null || !expected.contains(offending.getType()) || expected.size() == 1) {
            return expected;
        }
        IntervalSet copy = new IntervalSet(expected);
        copy.remove(offending.getType());
        return copy;
    }

    private static String mismatch(Token t) {
        return t.getType() == Token.EOF ? "unexpected end of file" : "mismatched input " + Tokens.describe(t);
    }

    private static void report(Parser recognizer, Token at, String message, RecognitionException e) {
        recognizer.notifyErrorListeners(at, message, e);
    }
}
