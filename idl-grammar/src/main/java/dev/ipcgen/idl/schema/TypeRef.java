package dev.ipcgen.idl.schema;

/** A resolved type as a field, element or variant uses it. */
public sealed interface TypeRef permits BuiltinType, VecType, OptionType, MapType, NamedTypeRef {

    /** The type as written in canonical text (wire-format.md section 4): {@code Vec<Option<User>>}. */
    String canonical();
}
