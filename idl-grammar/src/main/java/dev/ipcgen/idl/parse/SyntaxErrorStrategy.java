package dev.ipcgen.idl.parse;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's recovery with our wording: {@code mismatched input 'x', expecting ':'}, with
 * {@code an identifier} and {@code end of file} instead of token names.
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {

    @Override
    protected void reportNoViableAlternative(Parser recognizer, NoViableAltException e) {
        report(recognizer, e.getOffendingToken(), mismatch(e.getOffendingToken()) + ", expecting "
                + Tokens.describe(expectedOtherThan(e.getExpectedTokens(), e.getOffendingToken())), e);
    }

    @Override
    protected void reportInputMismatch(Parser recognizer, InputMismatchException e) {
        report(recognizer, e.getOffendingToken(), mismatch(e.getOffendingToken()) + ", expecting "
                + Tokens.describe(expectedOtherThan(e.getExpectedTokens(), e.getOffendingToken())), e);
    }

    @Override
    protected void reportUnwantedToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        Token t = recognizer.getCurrentToken();
        report(recognizer, t, (t.getType() == Token.EOF ? "unexpected end of file" : "extraneous input "
                + Tokens.describe(t)) + ", expecting "
                + Tokens.describe(getExpectedTokens(recognizer)), null);
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
