package dev.ipcgen.idl.check;

import dev.ipcgen.idl.diag.Diagnostic;
import dev.ipcgen.idl.diag.SourceSpan;
import java.util.Optional;
import java.util.function.Consumer;

/** Every file has a {@code package}, unless the run gives a default Java package. */
public final class PackageCheck implements SemanticCheck {

    private final Optional<String> defaultPackage;

    /** A check for a run with this default package option. */
    public PackageCheck(Optional<String> defaultPackage) {
        this.defaultPackage = defaultPackage;
    }

    @Override
    public void check(SourceSet set, Consumer<Diagnostic> report) {
        if (defaultPackage.isPresent()) {
            return;
        }
        for (SourceFile f : set.files()) {
            if (f.ast().packageDecl().isEmpty()) {
                report.accept(Diagnostic.error(new SourceSpan(f.displayPath(), 1, 1),
                        "missing package declaration: add 'package a.b.c;' or give a default Java package"));
            }
        }
    }
}
