package dev.ipcgen.idl.schema;

import dev.ipcgen.idl.diag.SourceSpan;
import java.util.List;
import java.util.Optional;

/** An enum: its variants in declaration order (the u32 index on the wire). */
public record EnumType(String name, String javaPackage, List<Variant> variants, Optional<String> doc, SourceSpan span)
        implements UserType {
    /** Copies the list. */
    public EnumType {
        variants = List.copyOf(variants);
    }

    /** Whether every variant is a unit variant (maps to a Java {@code enum}). */
    public boolean isCLike() {
        return variants.stream().allMatch(v -> v.shape() == Variant.Shape.UNIT);
    }
}
