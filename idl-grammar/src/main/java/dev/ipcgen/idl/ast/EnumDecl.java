package dev.ipcgen.idl.ast;

import dev.ipcgen.idl.diag.SourceSpan;
import java.util.List;
import java.util.Optional;

/** {@code enum Name { variants }}. */
public record EnumDecl(String name, List<VariantDecl> variants, Optional<String> doc, SourceSpan span)
        implements Declaration {
    /** Copies the list. */
    public EnumDecl {
        variants = List.copyOf(variants);
    }

    /** Whether every variant is a unit variant. */
    public boolean isCLike() {
        return variants.stream().allMatch(v -> v.form() == VariantDecl.Form.UNIT);
    }

    @Override
    public String kind() {
        return "enum";
    }
}
