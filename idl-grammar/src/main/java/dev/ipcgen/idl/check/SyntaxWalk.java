package dev.ipcgen.idl.check;

import dev.ipcgen.idl.ast.Declaration;
import dev.ipcgen.idl.ast.EnumDecl;
import dev.ipcgen.idl.ast.FieldDecl;
import dev.ipcgen.idl.ast.IdlFile;
import dev.ipcgen.idl.ast.MessageDecl;
import dev.ipcgen.idl.ast.ProtocolDecl;
import dev.ipcgen.idl.ast.StructDecl;
import dev.ipcgen.idl.ast.TypeExpr;
import dev.ipcgen.idl.ast.VariantDecl;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Visits the parts of a file that several checks look at. */
final class SyntaxWalk {

    private SyntaxWalk() {
    }

    /** Every field list with a phrase naming it ({@code struct 'User'}, {@code the request of 'get'}). */
    static void fieldLists(IdlFile file, BiConsumer<String, List<FieldDecl>> visitor) {
        for (Declaration d : file.declarations()) {
            if (d instanceof StructDecl s) {
                visitor.accept("struct '" + s.name() + "'", s.fields());
            } else if (d instanceof EnumDecl e) {
                for (VariantDecl v : e.variants()) {
                    visitor.accept("variant '" + e.name() + "." + v.name() + "'", v.fields());
                }
            } else if (d instanceof ProtocolDecl p) {
                for (MessageDecl m : p.messages()) {
                    visitor.accept("the request of '" + m.name() + "'", m.request());
                    m.response().ifPresent(r -> visitor.accept("the response of '" + m.name() + "'", r));
                }
            }
        }
    }

    /** Every type written in the file, outermost first, arguments included. */
    static void types(IdlFile file, Consumer<TypeExpr> visitor) {
        Consumer<TypeExpr> deep = new Consumer<>() {
            @Override
            public void accept(TypeExpr t) {
                visitor.accept(t);
                t.arguments().forEach(this);
            }
        };
        fieldLists(file, (where, fields) -> fields.forEach(f -> deep.accept(f.type())));
        for (Declaration d : file.declarations()) {
            if (d instanceof EnumDecl e) {
                e.variants().forEach(v -> v.elements().forEach(deep));
            }
        }
    }
}
