package dev.ipcgen.idl.check;

import dev.ipcgen.idl.ast.Declaration;
import dev.ipcgen.idl.ast.ProtocolDecl;
import dev.ipcgen.idl.diag.Diagnostic;
import java.util.function.Consumer;

/** A protocol version is decimal, 1 to 4294967295, with no leading zeros. */
public final class ProtocolVersionCheck implements SemanticCheck {

    @Override
    public void check(SourceSet set, Consumer<Diagnostic> report) {
        for (SourceFile f : set.files()) {
            for (Declaration d : f.ast().declarations()) {
                if (d instanceof ProtocolDecl p && ProtocolVersions.parse(p.version()).isEmpty()) {
                    String v = p.version();
                    String why = v.length() > 1 && v.startsWith("0") && v.chars().anyMatch(c -> c != '0')
                            ? "has a leading zero: write " + v.replaceFirst("^0+", "")
                            : "is out of range: versions are 1 to " + ProtocolVersions.MAX;
                    report.accept(Diagnostic.error(p.versionSpan(),
                            "version " + v + " of protocol '" + p.name() + "' " + why));
                }
            }
        }
    }
}
