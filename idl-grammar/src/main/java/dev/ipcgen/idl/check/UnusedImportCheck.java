package dev.ipcgen.idl.check;

import dev.ipcgen.idl.ast.Declaration;
import dev.ipcgen.idl.ast.ProtocolDecl;
import dev.ipcgen.idl.diag.Diagnostic;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/** A warning for an import none of whose structs or enums the importing file uses. */
public final class UnusedImportCheck implements SemanticCheck {

    @Override
    public void check(SourceSet set, Consumer<Diagnostic> report) {
        for (SourceFile f : set.files()) {
            Set<String> used = new HashSet<>();
            SyntaxWalk.types(f.ast(), t -> used.add(t.name()));
            Set<Path> reported = new HashSet<>();
            for (ResolvedImport i : f.imports()) {
                SourceFile target = set.file(i.target());
                boolean isUsed = target != null && target.ast().declarations().stream()
                        .filter(d -> !(d instanceof ProtocolDecl))
                        .map(Declaration::name)
                        .anyMatch(used::contains);
                if (!isUsed && reported.add(i.target())) {
                    report.accept(Diagnostic.warning(i.decl().span(), "unused import '" + i.decl().path() + "'"));
                }
            }
        }
    }
}
