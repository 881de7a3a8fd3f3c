package dev.ipcgen.idl.check;

import dev.ipcgen.idl.ast.Declaration;
import dev.ipcgen.idl.ast.ProtocolDecl;
import dev.ipcgen.idl.diag.Diagnostic;
import dev.ipcgen.idl.schema.Fnv1a;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Protocol ids (FNV-1a 32 of {@code name@version}) are unique within a set, and never 0, which is
 * reserved for connection-level frames.
 */
public final class ProtocolIdCheck implements SemanticCheck {

    @Override
    public void check(SourceSet set, Consumer<Diagnostic> report) {
        Map<Integer, ProtocolDecl> byId = new HashMap<>();
        for (SourceFile f : set.files()) {
            for (Declaration d : f.ast().declarations()) {
                if (!(d instanceof ProtocolDecl p)) {
                    continue;
                }
                OptionalLong version = ProtocolVersions.parse(p.version());
                if (version.isEmpty()) {
                    continue;
                }
                String key = p.name() + "@" + version.getAsLong();
                int id = Fnv1a.protocolId(p.name(), version.getAsLong());
                if (id == 0) {
                    report.accept(Diagnostic.error(p.span(), "the protocol id of '" + key
                            + "' is 0, which is reserved for connection-level frames: rename the protocol or change its version"));
                    continue;
                }
                ProtocolDecl first = byId.putIfAbsent(id, p);
                if (first != null && !(first.name().equals(p.name()) && first.version().equals(p.version()))) {
                    report.accept(Diagnostic.error(p.span(), String.format(
                            "protocol id 0x%08X of '%s' collides with '%s@%s' at %s: rename one of them",
                            id, key, first.name(), first.version(), first.span())));
                }
            }
        }
    }
}
