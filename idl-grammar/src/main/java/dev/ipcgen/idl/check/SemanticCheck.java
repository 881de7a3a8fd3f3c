package dev.ipcgen.idl.check;

import dev.ipcgen.idl.diag.Diagnostic;
import java.util.function.Consumer;

/** One semantic rule of the IDL. */
public interface SemanticCheck {

    /** Reports every violation of the rule in {@code set}. */
    void check(SourceSet set, Consumer<Diagnostic> report);
}
