package dev.ipcgen.idl.schema;

import dev.ipcgen.idl.diag.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * One variant of an enum: {@code V} (unit), {@code V(T, ...)} (tuple, {@code elements}) or
 * {@code V { fields }} (struct, {@code fields}).
 */
public record Variant(String name, Shape shape, List<TypeRef> elements, List<Field> fields, Optional<String> doc,
        SourceSpan span) {

    /** The three forms of a variant. */
    public enum Shape { UNIT, TUPLE, STRUCT }

    /** Copies the lists. */
    public Variant {
        elements = List.copyOf(elements);
        fields = List.copyOf(fields);
    }
}
