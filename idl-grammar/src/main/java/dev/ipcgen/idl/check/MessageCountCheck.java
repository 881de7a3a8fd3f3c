package dev.ipcgen.idl.check;

import dev.ipcgen.idl.ast.Declaration;
import dev.ipcgen.idl.ast.ProtocolDecl;
import dev.ipcgen.idl.diag.Diagnostic;
import java.util.function.Consumer;

/**
 * A protocol has at most 65,536 messages (the method index is a u16); none at all is allowed but
 * worth a warning.
 */
public final class MessageCountCheck implements SemanticCheck {

    /** The most messages a protocol may have. */
    public static final int MAX_MESSAGES = 65_536;

    @Override
    public void check(SourceSet set, Consumer<Diagnostic> report) {
        for (SourceFile f : set.files()) {
            for (Declaration d : f.ast().declarations()) {
                if (d instanceof ProtocolDecl p) {
                    if (p.messages().isEmpty()) {
                        report.accept(Diagnostic.warning(p.span(), "protocol '" + p.name() + "' has no messages"));
                    } else if (p.messages().size() > MAX_MESSAGES) {
                        report.accept(Diagnostic.error(p.span(), "protocol '" + p.name() + "' has "
                                + p.messages().size() + " messages; at most " + MAX_MESSAGES + " are allowed"));
                    }
                }
            }
        }
    }
}
