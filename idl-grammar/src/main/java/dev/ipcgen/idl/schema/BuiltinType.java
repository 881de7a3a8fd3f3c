package dev.ipcgen.idl.schema;

/** A built-in scalar type. */
public record BuiltinType(Builtin kind) implements TypeRef {
    @Override
    public String canonical() {
        return kind.idlName();
    }
}
