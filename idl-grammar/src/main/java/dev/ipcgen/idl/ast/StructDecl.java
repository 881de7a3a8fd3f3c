package dev.ipcgen.idl.ast;

import dev.ipcgen.idl.diag.SourceSpan;
import java.util.List;
import java.util.Optional;

/** {@code struct Name { fields }}. */
public record StructDecl(String name, List<FieldDecl> fields, Optional<String> doc, SourceSpan span)
        implements Declaration {
    /** Copies the list. */
    public StructDecl {
        fields = List.copyOf(fields);
    }

    @Override
    public String kind() {
        return "struct";
    }
}
