package dev.ipcgen.idl.parse;

import dev.ipcgen.idl.ast.IdlFile;
import dev.ipcgen.idl.diag.Diagnostic;
import dev.ipcgen.idl.diag.SourceSpan;
import dev.ipcgen.idl.parse.antlr.IpcLexer;
import dev.ipcgen.idl.parse.antlr.IpcParser;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Parses one {@code .ipc} file into an {@link IdlFile}. Never throws for bad input: every problem,
 * all of them rather than the first, comes back as a diagnostic.
 *
 * <pre>{@code
 * ParseResult r = new IdlParser().parse("api.ipc", Files.readAllBytes(path));
 * }</pre>
 */
public final class IdlParser {

    /** How deep type arguments may nest ({@code Vec<Vec<...>>}). */
    public static final int MAX_TYPE_DEPTH = 64;

    /** A parser; it keeps no state between files. */
    public IdlParser() {
    }

    /**
     * Parses UTF-8 bytes; a leading byte-order mark is skipped, invalid UTF-8 is an error at the
     * first bad byte.
     *
     * @param path the path diagnostics and spans print
     */
    public ParseResult parse(String path, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            SourceSpan at = endOf(path, out);
            String message = String.format("not valid UTF-8: byte 0x%02X at offset %d", bytes[in.position()] & 0xFF,
                    in.position());
            return new ParseResult(Optional.empty(), List.of(Diagnostic.error(at, message)));
        }
        decoder.flush(out);
        out.flip();
        return parse(path, out.toString());
    }

    /**
     * Parses text; a leading byte-order mark is skipped.
     *
     * @param path the path diagnostics and spans print
     */
    public ParseResult parse(String path, String text) {
        String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
        DiagnosticCollector diagnostics = new DiagnosticCollector(path);
        IpcLexer lexer = new IpcLexer(CharStreams.fromString(source, path));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new SyntaxErrorListener(diagnostics));
        CheckedTokenSource tokenSource = new CheckedTokenSource(lexer, diagnostics);
        CommonTokenStream tokens = new CommonTokenStream(tokenSource);
        IpcParser parser = new IpcParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new SyntaxErrorListener(diagnostics));
        parser.setErrorHandler(new SyntaxErrorStrategy());
        AstBuilder builder = new AstBuilder(path, tokens, diagnostics);
        // No parse tree: the builder reads each entry through its labels as the parser ends it,
        // and the file drops the entries it has read, so that memory holds the tokens and the
        // syntax records but never the whole tree.
        parser.setBuildParseTree(false);
        parser.addParseListener(new EntryListener(builder));
        try {
            parser.file();
            Optional<IdlFile> file = tokenSource.tooDeep() ? Optional.empty() : Optional.of(builder.finish());
            return new ParseResult(file, diagnostics.sorted(), diagnostics.omittedErrors(),
                    diagnostics.omittedWarnings());
        } catch (StackOverflowError e) {
            // Not expected, since nesting is bounded while lexing; a safety net all the same.
            return new ParseResult(Optional.empty(),
                    List.of(Diagnostic.error(new SourceSpan(path, 1, 1), "nesting too deep to parse")));
        }
    }

    /** Hands each top-level entry to the builder as the parser ends it, then forgets it. */
    private static final class EntryListener implements ParseTreeListener {
        private final AstBuilder builder;

        EntryListener(AstBuilder builder) {
            this.builder = builder;
        }

        @Override
        public void exitEveryRule(ParserRuleContext ctx) {
            if (ctx instanceof IpcParser.TopLevelContext entry) {
                builder.entry(entry);
                // The entries read before this one; the file rule adds this one after its exit.
                ((IpcParser.FileContext) entry.getParent()).entries.clear();
            }
        }

        @Override
        public void enterEveryRule(ParserRuleContext ctx) {
            // Entries are read when complete.
        }

        @Override
        public void visitTerminal(TerminalNode node) {
            // Read through the entry's labels.
        }

        @Override
        public void visitErrorNode(ErrorNode node) {
            // Syntax errors are reported by the error listener.
        }
    }

    private static SourceSpan endOf(String path, CharSequence text) {
        int line = 1;
        int column = 1;
        int start = text.length() > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return new SourceSpan(path, line, column);
    }
}
