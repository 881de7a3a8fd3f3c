package dev.ipcgen.idl.check;

import dev.ipcgen.idl.ast.Declaration;
import dev.ipcgen.idl.ast.EnumDecl;
import dev.ipcgen.idl.ast.FieldDecl;
import dev.ipcgen.idl.ast.MessageDecl;
import dev.ipcgen.idl.ast.ProtocolDecl;
import dev.ipcgen.idl.ast.VariantDecl;
import dev.ipcgen.idl.diag.Diagnostic;
import dev.ipcgen.idl.diag.SourceSpan;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Names are unique where they must be: structs and enums across the whole set (whatever the
 * packages), protocols by {@code name@version} across the set, fields in one field list,
 * messages in a protocol, variants in an enum. The second one is reported, naming the first.
 */
public final class DuplicateNameCheck implements SemanticCheck {

    @Override
    public void check(SourceSet set, Consumer<Diagnostic> report) {
        Map<String, Declaration> types = new HashMap<>();
        Map<String, ProtocolDecl> protocols = new HashMap<>();
        for (SourceFile f : set.files()) {
            for (Declaration d : f.ast().declarations()) {
                if (d instanceof ProtocolDecl p) {
                    OptionalLong v = ProtocolVersions.parse(p.version());
                    String key = p.name() + "@" + (v.isPresent() ? Long.toString(v.getAsLong()) : p.version());
                    ProtocolDecl first = protocols.putIfAbsent(key, p);
                    if (first != null) {
                        report.accept(Diagnostic.error(p.span(), "duplicate protocol '" + p.name() + "' version "
                                + p.version() + ": already declared at " + first.span()));
                    }
                    checkMessages(p, report);
                } else {
                    Declaration first = types.putIfAbsent(d.name(), d);
                    if (first != null) {
                        report.accept(Diagnostic.error(d.span(), "duplicate type name '" + d.name() + "': "
                                + article(first.kind()) + " '" + first.name() + "' is already declared at "
                                + first.span()));
                    }
                    if (d instanceof EnumDecl e) {
                        checkVariants(e, report);
                    }
                }
            }
            SyntaxWalk.fieldLists(f.ast(), (where, fields) -> {
                Map<String, SourceSpan> seen = new HashMap<>();
                for (FieldDecl field : fields) {
                    SourceSpan first = seen.putIfAbsent(field.name(), field.span());
                    if (first != null) {
                        report.accept(Diagnostic.error(field.span(), "duplicate field '" + field.name() + "' in "
                                + where + ": already declared at " + first));
                    }
                }
            });
        }
    }

    private static void checkMessages(ProtocolDecl p, Consumer<Diagnostic> report) {
        Map<String, SourceSpan> seen = new HashMap<>();
        for (MessageDecl m : p.messages()) {
            SourceSpan first = seen.putIfAbsent(m.name(), m.span());
            if (first != null) {
                report.accept(Diagnostic.error(m.span(), "duplicate message '" + m.name() + "' in protocol '"
                        + p.name() + "': already declared at " + first));
            }
        }
    }

    private static void checkVariants(EnumDecl e, Consumer<Diagnostic> report) {
        Map<String, SourceSpan> seen = new HashMap<>();
        for (VariantDecl v : e.variants()) {
            SourceSpan first = seen.putIfAbsent(v.name(), v.span());
            if (first != null) {
                report.accept(Diagnostic.error(v.span(), "duplicate variant '" + v.name() + "' in enum '"
                        + e.name() + "': already declared at " + first));
            }
        }
    }

    private static String article(String kind) {
        return kind.equals("enum") ? "an enum" : "a " + kind;
    }
}
