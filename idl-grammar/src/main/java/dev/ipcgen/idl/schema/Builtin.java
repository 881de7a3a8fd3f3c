package dev.ipcgen.idl.schema;

/** The built-in scalar types. {@code Vec<u8>} is resolved to {@link #BYTES}. */
public enum Builtin {
    BOOL("bool"), U8("u8"), U16("u16"), U32("u32"), U64("u64"),
    I8("i8"), I16("i16"), I32("i32"), I64("i64"),
    F32("f32"), F64("f64"), CHAR("char"), STRING("String"), BYTES("Bytes");

    private final String idlName;

    Builtin(String idlName) {
        this.idlName = idlName;
    }

    /** The name in the IDL and in canonical text. */
    public String idlName() {
        return idlName;
    }
}
