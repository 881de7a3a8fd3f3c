package dev.ipcgen.idl.parse;

import dev.ipcgen.idl.parse.antlr.IpcLexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * The lexer as the parser sees it: reports the lexical errors the grammar only marks (unexpected
 * character, unterminated comment or string) and bounds type nesting.
 *
 * <p>An unterminated {@code /*} runs to the end of the file, so the stream ends there. Type
 * arguments deeper than {@link IdlParser#MAX_TYPE_DEPTH} end the stream too: the parser recurses
 * once per level, and cutting the input here keeps that recursion small whatever the file holds.
 */
final class CheckedTokenSource implements TokenSource {

    private final IpcLexer lexer;
    private final DiagnosticCollector diagnostics;
    private int typeDepth;
    private Token end;
    private boolean tooDeep;

    CheckedTokenSource(IpcLexer lexer, DiagnosticCollector diagnostics) {
        this.lexer = lexer;
        this.diagnostics = diagnostics;
    }

    /** Whether the input was cut because types nest too deep. */
    boolean tooDeep() {
        return tooDeep;
    }

    @Override
    public Token nextToken() {
        if (end != null) {
            return end;
        }
        while (true) {
            Token t = lexer.nextToken();
            switch (t.getType()) {
                case IpcLexer.UNEXPECTED_CHAR -> diagnostics.error(t.getLine(), t.getCharPositionInLine(),
                        "unexpected character " + Tokens.describeChar(t.getText()));
                case IpcLexer.UNTERMINATED_COMMENT -> {
                    diagnostics.error(t.getLine(), t.getCharPositionInLine(), "unterminated block comment");
                    return endAt(t);
                }
                case IpcLexer.UNTERMINATED_STRING -> {
                    diagnostics.error(t.getLine(), t.getCharPositionInLine(), "unterminated string");
                    // Read as a string so that the parser does not pile up errors about it.
                    ((CommonToken) t).setType(IpcLexer.STRING);
                    return t;
                }
                case IpcLexer.LT -> {
                    if (++typeDepth > IdlParser.MAX_TYPE_DEPTH) {
                        diagnostics.error(t.getLine(), t.getCharPositionInLine(),
                                "types nest deeper than " + IdlParser.MAX_TYPE_DEPTH + " levels");
                        tooDeep = true;
                        diagnostics.freeze();
                        return endAt(t);
                    }
                    return t;
                }
                case IpcLexer.GT -> {
                    typeDepth = Math.max(0, typeDepth - 1);
                    return t;
                }
                case IpcLexer.COLON, IpcLexer.LBRACE, IpcLexer.RBRACE, IpcLexer.SEMI -> {
                    // A new field or declaration starts: unclosed '<' before it are syntax errors.
                    typeDepth = 0;
                    return t;
                }
                case Token.EOF -> {
                    end = t;
                    return t;
                }
                default -> {
                    return t;
                }
            }
        }
    }

    private Token endAt(Token t) {
        CommonToken eof = new CommonToken(new Pair<>(this, lexer.getInputStream()), Token.EOF,
                Token.DEFAULT_CHANNEL, t.getStartIndex(), t.getStartIndex() - 1);
        eof.setLine(t.getLine());
        eof.setCharPositionInLine(t.getCharPositionInLine());
        eof.setText("<EOF>");
        end = eof;
        return eof;
    }

    @Override
    public int getLine() {
        return lexer.getLine();
    }

    @Override
    public int getCharPositionInLine() {
        return lexer.getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
        return lexer.getInputStream();
    }

    @Override
    public String getSourceName() {
        return lexer.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        lexer.setTokenFactory(factory);
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return lexer.getTokenFactory();
    }
}
