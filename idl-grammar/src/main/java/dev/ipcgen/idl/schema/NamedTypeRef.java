package dev.ipcgen.idl.schema;

/** A reference to a struct or enum of the schema set, resolved with {@link Schema#type(String)}. */
public record NamedTypeRef(String name) implements TypeRef {
    @Override
    public String canonical() {
        return name;
    }
}
