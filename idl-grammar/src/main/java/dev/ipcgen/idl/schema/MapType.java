package dev.ipcgen.idl.schema;

/** {@code HashMap<K, V>}. */
public record MapType(TypeRef key, TypeRef value) implements TypeRef {
    @Override
    public String canonical() {
        return "HashMap<" + key.canonical() + "," + value.canonical() + ">";
    }
}
