package dev.ipcgen.idl.parse;

import dev.ipcgen.idl.ast.Declaration;
import dev.ipcgen.idl.ast.EnumDecl;
import dev.ipcgen.idl.ast.FieldDecl;
import dev.ipcgen.idl.ast.IdlFile;
import dev.ipcgen.idl.ast.ImportDecl;
import dev.ipcgen.idl.ast.MessageDecl;
import dev.ipcgen.idl.ast.PackageDecl;
import dev.ipcgen.idl.ast.ProtocolDecl;
import dev.ipcgen.idl.ast.StructDecl;
import dev.ipcgen.idl.ast.TypeExpr;
import dev.ipcgen.idl.ast.VariantDecl;
import dev.ipcgen.idl.diag.SourceSpan;
import dev.ipcgen.idl.parse.antlr.IpcBaseVisitor;
import dev.ipcgen.idl.parse.antlr.IpcLexer;
import dev.ipcgen.idl.parse.antlr.IpcParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Builds the {@link dev.ipcgen.idl.ast} records from a parse tree, and reports what the grammar
 * accepts only to explain: a stray top-level {@code ;}, {@code package} or {@code import} out of
 * place, a name made only of underscores, a doc comment with nothing to attach to.
 *
 * <p>It reads each entry through its labels as soon as the parser has it, so that the parse tree
 * of a huge file never exists whole. After a syntax error an entry may lack parts; whatever is
 * missing is left out rather than guessed, so the result is what could be read.
 */
final class AstBuilder extends IpcBaseVisitor<Object> {

    private final String path;
    private final BufferedTokenStream tokens;
    private final DiagnosticCollector diagnostics;
    private final Set<Integer> attachedDocs = new HashSet<>();

    private Optional<String> fileDoc = Optional.empty();
    private Optional<PackageDecl> packageDecl = Optional.empty();
    private final List<ImportDecl> imports = new ArrayList<>();
    private final List<Declaration> declarations = new ArrayList<>();
    private boolean seenHeaderOrItem;

    AstBuilder(String path, BufferedTokenStream tokens, DiagnosticCollector diagnostics) {
        this.path = path;
        this.tokens = tokens;
        this.diagnostics = diagnostics;
    }

    /** Takes one top-level entry, in file order. */
    void entry(IpcParser.TopLevelContext entry) {
        entry.accept(this);
    }

    /** The file of the entries taken; call once every token was read. */
    IdlFile finish() {
        reportUnattachedDocs();
        return new IdlFile(path, fileDoc, packageDecl, imports, declarations);
    }

    @Override
    public Object visitPackageEntry(IpcParser.PackageEntryContext ctx) {
        IpcParser.PackageDeclContext p = ctx.decl;
        List<String> segments = new ArrayList<>();
        for (IpcParser.IdentContext s : p.segments) {
            String name = name(s);
            if (name == null) {
                return null;
            }
            segments.add(name);
        }
        if (segments.isEmpty()) {
            return null;
        }
        SourceSpan span = span(p.segments.get(0).token);
        if (packageDecl.isPresent()) {
            diagnostics.error(span, "duplicate package declaration: the package is already declared at "
                    + packageDecl.get().span());
        } else if (seenHeaderOrItem) {
            diagnostics.error(span, "the package declaration must come first, before imports and declarations");
        } else {
            fileDoc = doc(p);
            packageDecl = Optional.of(new PackageDecl(segments, span));
        }
        seenHeaderOrItem = true;
        return null;
    }

    @Override
    public Object visitImportEntry(IpcParser.ImportEntryContext ctx) {
        Token path = ctx.decl.path;
        if (missing(path) || !path.getText().endsWith("\"") || path.getText().length() < 2) {
            // Missing or unterminated (already reported): nothing to import.
            return null;
        }
        SourceSpan span = span(path);
        if (!declarations.isEmpty()) {
            diagnostics.error(span, "imports must come before structs, enums and protocols");
        }
        imports.add(new ImportDecl(unquote(path.getText()), span));
        seenHeaderOrItem = true;
        return null;
    }

    @Override
    public Object visitStructEntry(IpcParser.StructEntryContext ctx) {
        IpcParser.StructDeclContext s = ctx.decl;
        Optional<String> doc = doc(s);
        String name = name(s.name);
        List<FieldDecl> fields = fields(s.body);
        if (name != null && fields != null) {
            declarations.add(new StructDecl(name, fields, doc, span(s.name.token)));
        }
        seenHeaderOrItem = true;
        return null;
    }

    @Override
    public Object visitEnumEntry(IpcParser.EnumEntryContext ctx) {
        IpcParser.EnumDeclContext e = ctx.decl;
        Optional<String> doc = doc(e);
        String name = name(e.name);
        List<VariantDecl> variants = new ArrayList<>();
        for (IpcParser.VariantContext v : e.variants) {
            VariantDecl variant = (VariantDecl) v.accept(this);
            if (variant != null) {
                variants.add(variant);
            }
        }
        if (name != null) {
            declarations.add(new EnumDecl(name, variants, doc, span(e.name.token)));
        }
        seenHeaderOrItem = true;
        return null;
    }

    @Override
    public Object visitProtocolEntry(IpcParser.ProtocolEntryContext ctx) {
        IpcParser.ProtocolDeclContext p = ctx.decl;
        Optional<String> doc = doc(p);
        String name = name(p.name);
        List<MessageDecl> messages = new ArrayList<>();
        for (IpcParser.MessageContext m : p.messages) {
            MessageDecl message = message(m);
            if (message != null) {
                messages.add(message);
            }
        }
        if (name != null && !missing(p.number)) {
            declarations.add(new ProtocolDecl(name, p.number.getText(), span(p.number), messages, doc,
                    span(p.name.token)));
        }
        seenHeaderOrItem = true;
        return null;
    }

    @Override
    public Object visitStrayEntry(IpcParser.StrayEntryContext ctx) {
        diagnostics.error(span(ctx.stray), "unexpected ';' at top level: remove it");
        return null;
    }

    @Override
    public Object visitUnitVariant(IpcParser.UnitVariantContext ctx) {
        Optional<String> doc = doc(ctx);
        String name = name(ctx.name);
        return name == null ? null
                : new VariantDecl(name, VariantDecl.Form.UNIT, List.of(), List.of(), doc, span(ctx.name.token));
    }

    @Override
    public Object visitTupleVariant(IpcParser.TupleVariantContext ctx) {
        Optional<String> doc = doc(ctx);
        String name = name(ctx.name);
        List<TypeExpr> elements = new ArrayList<>();
        if (ctx.elements == null) {
            return null;
        }
        for (IpcParser.TypeRefContext t : ctx.elements.elements) {
            TypeExpr type = type(t);
            if (type == null) {
                return null;
            }
            elements.add(type);
        }
        return name == null ? null
                : new VariantDecl(name, VariantDecl.Form.TUPLE, elements, List.of(), doc, span(ctx.name.token));
    }

    @Override
    public Object visitStructVariant(IpcParser.StructVariantContext ctx) {
        Optional<String> doc = doc(ctx);
        String name = name(ctx.name);
        List<FieldDecl> fields = fields(ctx.body);
        return name == null || fields == null ? null
                : new VariantDecl(name, VariantDecl.Form.STRUCT, List.of(), fields, doc, span(ctx.name.token));
    }

    private MessageDecl message(IpcParser.MessageContext m) {
        Optional<String> doc = doc(m);
        String name = name(m.name);
        List<FieldDecl> request = m.request == null ? List.of() : fields(m.request);
        Optional<List<FieldDecl>> response = Optional.empty();
        if (m.arrow != null) {
            List<FieldDecl> fields = m.response == null ? null : fields(m.response);
            if (fields == null) {
                return null;
            }
            response = Optional.of(fields);
        }
        return name == null || request == null ? null : new MessageDecl(name, request, response, doc, span(m.name.token));
    }

    /** The fields of a list, or {@code null} when the list is missing. Broken fields are left out. */
    private List<FieldDecl> fields(IpcParser.FieldListContext list) {
        if (list == null) {
            return null;
        }
        List<FieldDecl> fields = new ArrayList<>();
        for (IpcParser.FieldContext f : list.fields) {
            Optional<String> doc = doc(f);
            String name = name(f.name);
            TypeExpr type = type(f.type);
            if (name != null && type != null) {
                fields.add(new FieldDecl(name, type, doc, span(f.name.token)));
            }
        }
        return fields;
    }

    private TypeExpr type(IpcParser.TypeRefContext t) {
        if (t == null) {
            return null;
        }
        String name = name(t.name);
        if (name == null) {
            return null;
        }
        List<TypeExpr> arguments = new ArrayList<>();
        for (IpcParser.TypeRefContext a : t.arguments) {
            TypeExpr argument = type(a);
            if (argument == null) {
                return null;
            }
            arguments.add(argument);
        }
        return new TypeExpr(name, arguments, span(t.name.token));
    }

    /** The identifier's text, or {@code null} when the parser had to invent it. */
    private String name(IpcParser.IdentContext ident) {
        if (ident == null || missing(ident.token)) {
            return null;
        }
        String text = ident.token.getText();
        if (text.chars().allMatch(c -> c == '_')) {
            diagnostics.error(span(ident.token), "'" + text + "' is not a valid name: a name needs a letter or digit");
        }
        return text;
    }

    private static boolean missing(Token t) {
        return t == null || t.getTokenIndex() < 0 || t.getType() == Token.EOF;
    }

    private SourceSpan span(Token t) {
        return diagnostics.span(t.getLine(), t.getCharPositionInLine());
    }

    /** The {@code ///} lines just before {@code ctx}, without their markers, one line each. */
    private Optional<String> doc(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        if (start == null || start.getTokenIndex() < 0) {
            return Optional.empty();
        }
        List<Token> hidden = tokens.getHiddenTokensToLeft(start.getTokenIndex());
        if (hidden == null) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        for (Token t : hidden) {
            if (t.getType() == IpcLexer.DOC_COMMENT) {
                attachedDocs.add(t.getTokenIndex());
                lines.add(docLine(t.getText()));
            }
        }
        return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
    }

    private static String docLine(String comment) {
        String text = comment.substring(3);
        if (text.startsWith(" ")) {
            text = text.substring(1);
        }
        return text.stripTrailing();
    }

    /** One warning per block of {@code ///} lines that nothing took. */
    private void reportUnattachedDocs() {
        boolean inBlock = false;
        for (Token t : tokens.getTokens()) {
            if (t.getType() == IpcLexer.DOC_COMMENT) {
                if (!attachedDocs.contains(t.getTokenIndex()) && !inBlock) {
                    diagnostics.warning(span(t), "doc comment has nothing to attach to: use // for a plain comment");
                    inBlock = true;
                }
            } else if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                inBlock = false;
            }
        }
    }

    private static String unquote(String text) {
        return text.substring(1, text.length() - 1);
    }
}
