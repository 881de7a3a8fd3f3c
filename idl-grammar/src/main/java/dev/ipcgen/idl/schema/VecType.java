package dev.ipcgen.idl.schema;

/** {@code Vec<T>} (never {@code Vec<u8>}, which is {@link Builtin#BYTES}). */
public record VecType(TypeRef element) implements TypeRef {
    @Override
    public String canonical() {
        return "Vec<" + element.canonical() + ">";
    }
}
