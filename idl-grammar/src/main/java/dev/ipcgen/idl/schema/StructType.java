package dev.ipcgen.idl.schema;

import dev.ipcgen.idl.diag.SourceSpan;
import java.util.List;
import java.util.Optional;

/** A struct: its fields in declaration order (which is the order on the wire). */
public record StructType(String name, String javaPackage, List<Field> fields, Optional<String> doc, SourceSpan span)
        implements UserType {
    /** Copies the list. */
    public StructType {
        fields = List.copyOf(fields);
    }
}
