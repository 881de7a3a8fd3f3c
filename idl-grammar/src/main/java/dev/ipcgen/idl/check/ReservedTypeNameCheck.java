package dev.ipcgen.idl.check;

import dev.ipcgen.idl.ast.Declaration;
import dev.ipcgen.idl.ast.ProtocolDecl;
import dev.ipcgen.idl.diag.Diagnostic;
import java.util.function.Consumer;

/** A struct or enum may not take a built-in type name ({@code String}, {@code Vec}, {@code u8}, ...). */
public final class ReservedTypeNameCheck implements SemanticCheck {

    @Override
    public void check(SourceSet set, Consumer<Diagnostic> report) {
        for (SourceFile f : set.files()) {
            for (Declaration d : f.ast().declarations()) {
                if (!(d instanceof ProtocolDecl) && TypeNames.isBuiltin(d.name())) {
                    report.accept(Diagnostic.error(d.span(), "'" + d.name()
                            + "' is a built-in type and cannot name " + (d.kind().equals("enum") ? "an enum" : "a struct")
                            + ": choose another name"));
                }
            }
        }
    }
}
