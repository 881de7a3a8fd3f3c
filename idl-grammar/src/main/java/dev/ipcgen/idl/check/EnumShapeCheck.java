package dev.ipcgen.idl.check;

import dev.ipcgen.idl.ast.Declaration;
import dev.ipcgen.idl.ast.EnumDecl;
import dev.ipcgen.idl.ast.VariantDecl;
import dev.ipcgen.idl.diag.Diagnostic;
import java.util.function.Consumer;

/**
 * An enum has at least one variant (an enum with none has no value to send), and a variant written
 * with an empty list ({@code V()} or {@code V {}}) should be written {@code V}.
 */
public final class EnumShapeCheck implements SemanticCheck {

    @Override
    public void check(SourceSet set, Consumer<Diagnostic> report) {
        for (SourceFile f : set.files()) {
            for (Declaration d : f.ast().declarations()) {
                if (!(d instanceof EnumDecl e)) {
                    continue;
                }
                if (e.variants().isEmpty()) {
                    report.accept(Diagnostic.error(e.span(), "enum '" + e.name() + "' has no variants: add at least one"));
                }
                for (VariantDecl v : e.variants()) {
                    boolean emptyTuple = v.form() == VariantDecl.Form.TUPLE && v.elements().isEmpty();
                    boolean emptyStruct = v.form() == VariantDecl.Form.STRUCT && v.fields().isEmpty();
                    if (emptyTuple || emptyStruct) {
                        report.accept(Diagnostic.error(v.span(), "variant '" + v.name() + "' has an empty "
                                + (emptyTuple ? "'()'" : "'{}'") + ": write '" + v.name() + "'"));
                    }
                }
            }
        }
    }
}
