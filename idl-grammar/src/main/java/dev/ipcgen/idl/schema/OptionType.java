package dev.ipcgen.idl.schema;

/** {@code Option<T>}. */
public record OptionType(TypeRef inner) implements TypeRef {
    @Override
    public String canonical() {
        return "Option<" + inner.canonical() + ">";
    }
}
