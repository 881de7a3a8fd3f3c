package dev.ipcgen.codegen.model;

import dev.ipcgen.idl.schema.Builtin;
import dev.ipcgen.idl.schema.BuiltinType;
import dev.ipcgen.idl.schema.EnumType;
import dev.ipcgen.idl.schema.Field;
import dev.ipcgen.idl.schema.MapType;
import dev.ipcgen.idl.schema.NamedTypeRef;
import dev.ipcgen.idl.schema.OptionType;
import dev.ipcgen.idl.schema.Schema;
import dev.ipcgen.idl.schema.StructType;
import dev.ipcgen.idl.schema.TypeRef;
import dev.ipcgen.idl.schema.UserType;
import dev.ipcgen.idl.schema.Variant;
import dev.ipcgen.idl.schema.VecType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java side of IDL types (idl.md "Java mapping"): the declared type of a field, and the
 * expressions that encode and decode it. Every type is written fully qualified.
 */
public final class JavaTypes {

    static final String BINCODE = "dev.ipcgen.runtime.codec.Bincode";
    static final String CODECS = "dev.ipcgen.runtime.codec.Codecs";
    static final String CODEC = "dev.ipcgen.runtime.codec.Codec";

    private final Schema schema;
    private final JavaNames names;
    private final Map<String, Integer> minSizes = new HashMap<>();

    /** Types of one schema set. */
    public JavaTypes(Schema schema, JavaNames names) {
        this.schema = schema;
        this.names = names;
    }

    /** The declared Java type: {@code long}, {@code java.util.List<dev.x.Role>}. */
    public String declared(TypeRef type) {
        if (type instanceof BuiltinType b) {
            return switch (b.kind()) {
                case BOOL -> "boolean";
                case U8, U16, I32, CHAR -> "int";
                case U32, U64, I64 -> "long";
                case I8 -> "byte";
                case I16 -> "short";
                case F32 -> "float";
                case F64 -> "double";
                case STRING -> "java.lang.String";
                case BYTES -> "dev.ipcgen.runtime.Bytes";
            };
        }
        if (type instanceof VecType v) {
            return "java.util.List<" + boxed(v.element()) + ">";
        }
        if (type instanceof OptionType o) {
            return "java.util.Optional<" + boxed(o.inner()) + ">";
        }
        if (type instanceof MapType m) {
            return "java.util.Map<" + boxed(m.key()) + ", " + boxed(m.value()) + ">";
        }
        return qualifiedName(((NamedTypeRef) type).name());
    }

    /** The type as a type argument: primitives boxed. */
    public String boxed(TypeRef type) {
        String d = declared(type);
        return switch (d) {
            case "boolean" -> "java.lang.Boolean";
            case "int" -> "java.lang.Integer";
            case "long" -> "java.lang.Long";
            case "byte" -> "java.lang.Byte";
            case "short" -> "java.lang.Short";
            case "float" -> "java.lang.Float";
            case "double" -> "java.lang.Double";
            default -> d;
        };
    }

    /** Whether the Java type is a primitive (no null check, no copy). */
    public static boolean isPrimitive(TypeRef type) {
        return type instanceof BuiltinType b && b.kind() != Builtin.STRING && b.kind() != Builtin.BYTES;
    }

    /** The fully qualified Java name of a struct or enum. */
    public String qualifiedName(String idlName) {
        UserType t = schema.type(idlName);
        return JavaNames.packageName(t.javaPackage()) + "." + names.typeName(t.name());
    }

    /**
     * A statement (without {@code ;}) writing {@code value} of {@code type} to {@code out}.
     *
     * @param label how a range error names the field
     * @param composites where codecs of nested containers are declared
     */
    public String encode(TypeRef type, String value, String label, Composites composites) {
        if (type instanceof BuiltinType b) {
            String quoted = javaString(label);
            return switch (b.kind()) {
                case BOOL -> BINCODE + ".writeBool(out, " + value + ")";
                case U8 -> BINCODE + ".writeU8(out, " + value + ", " + quoted + ")";
                case U16 -> BINCODE + ".writeU16(out, " + value + ", " + quoted + ")";
                case U32 -> BINCODE + ".writeU32(out, " + value + ", " + quoted + ")";
                case CHAR -> BINCODE + ".writeChar(out, " + value + ", " + quoted + ")";
                case U64 -> BINCODE + ".writeU64(out, " + value + ")";
                case I8 -> BINCODE + ".writeI8(out, " + value + ")";
                case I16 -> BINCODE + ".writeI16(out, " + value + ")";
                case I32 -> BINCODE + ".writeI32(out, " + value + ")";
                case I64 -> BINCODE + ".writeI64(out, " + value + ")";
                case F32 -> BINCODE + ".writeF32(out, " + value + ")";
                case F64 -> BINCODE + ".writeF64(out, " + value + ")";
                case STRING -> BINCODE + ".writeString(out, " + value + ")";
                case BYTES -> BINCODE + ".writeBytes(out, " + value + ")";
            };
        }
        if (type instanceof OptionType o) {
            return BINCODE + ".writeOption(out, " + value + ", " + elementCodec(o.inner(), label, composites) + ")";
        }
        if (type instanceof VecType || type instanceof MapType) {
            return elementCodec(type, label, composites) + ".encode(out, " + value + ")";
        }
        return qualifiedName(((NamedTypeRef) type).name()) + ".CODEC.encode(out, " + value + ")";
    }

    /**
     * An expression reading one value of {@code type} from {@code in}.
     *
     * @param label the field, as given to {@link #encode}: both use the same container codecs
     */
    public String decode(TypeRef type, String label, Composites composites) {
        if (type instanceof BuiltinType b) {
            return switch (b.kind()) {
                case BOOL -> BINCODE + ".readBool(in)";
                case U8 -> BINCODE + ".readU8(in)";
                case U16 -> BINCODE + ".readU16(in)";
                case U32 -> BINCODE + ".readU32(in)";
                case U64 -> BINCODE + ".readU64(in)";
                case I8 -> BINCODE + ".readI8(in)";
                case I16 -> BINCODE + ".readI16(in)";
                case I32 -> BINCODE + ".readI32(in)";
                case I64 -> BINCODE + ".readI64(in)";
                case F32 -> BINCODE + ".readF32(in)";
                case F64 -> BINCODE + ".readF64(in)";
                case CHAR -> BINCODE + ".readChar(in)";
                case STRING -> BINCODE + ".readString(in)";
                case BYTES -> BINCODE + ".readBytes(in)";
            };
        }
        if (type instanceof OptionType o) {
            return BINCODE + ".readOption(in, " + elementCodec(o.inner(), label, composites) + ")";
        }
        if (type instanceof VecType || type instanceof MapType) {
            return elementCodec(type, label, composites) + ".decode(in)";
        }
        return qualifiedName(((NamedTypeRef) type).name()) + ".CODEC.decode(in)";
    }

    /**
     * The codec of {@code type} as an element of a container: a constant of the runtime or of a
     * generated type, or a static field in {@code composites} (created once) for a container or a
     * range-checked element, whose range error names the field {@code label}.
     */
    String elementCodec(TypeRef type, String label, Composites composites) {
        if (type instanceof NamedTypeRef n) {
            return qualifiedName(n.name()) + ".CODEC";
        }
        boolean checked = hasRangeCheck(type);
        if (type instanceof BuiltinType b && !checked) {
            return CODECS + "." + b.kind().name();
        }
        String field = label.substring(label.lastIndexOf('.') + 1);
        String key = type.canonical() + (checked ? " of " + label : "");
        if (!composites.has(key)) {
            String base = JavaNames.codecConstantName(type.canonical() + (checked ? " " + field : ""));
            composites.add(key, constant(type, label, base, composites));
        }
        return composites.name(key);
    }

    /** Whether encoding {@code type} checks a range (u8, u16, u32, char), outside named types. */
    private static boolean hasRangeCheck(TypeRef type) {
        if (type instanceof BuiltinType b) {
            return b.kind() == Builtin.U8 || b.kind() == Builtin.U16 || b.kind() == Builtin.U32
                    || b.kind() == Builtin.CHAR;
        }
        if (type instanceof VecType v) {
            return hasRangeCheck(v.element());
        }
        if (type instanceof OptionType o) {
            return hasRangeCheck(o.inner());
        }
        return type instanceof MapType m && (hasRangeCheck(m.key()) || hasRangeCheck(m.value()));
    }

    private CodecConstant constant(TypeRef type, String label, String base, Composites composites) {
        String valueType = boxed(type);
        if (type instanceof BuiltinType b) {
            String write = switch (b.kind()) {
                case U8 -> "writeU8";
                case U16 -> "writeU16";
                case U32 -> "writeU32";
                default -> "writeChar";
            };
            String read = BINCODE + "::read" + write.substring("write".length());
            return CodecConstant.checked(composites.newName(base), valueType, CODECS + ".of((out, value) -> "
                    + BINCODE + "." + write + "(out, value, " + javaString(label) + "), " + read + ")");
        }
        if (type instanceof VecType v) {
            String element = elementCodec(v.element(), label, composites);
            return CodecConstant.container(composites.newName(base), "list", valueType, element, "",
                    minSize(v.element()));
        }
        if (type instanceof OptionType o) {
            String inner = elementCodec(o.inner(), label, composites);
            return CodecConstant.container(composites.newName(base), "option", valueType, inner, "",
                    minSize(o.inner()));
        }
        MapType m = (MapType) type;
        String key = elementCodec(m.key(), label, composites);
        String value = elementCodec(m.value(), label, composites);
        return CodecConstant.container(composites.newName(base), "map", valueType, value, key,
                saturatedAdd(minSize(m.key()), minSize(m.value())));
    }

    /**
     * The fewest bytes a value of {@code type} encodes to, for the length checks of decoders
     * (wire-format.md section 6). A type met again while it is being computed counts as unbounded
     * (a value cannot contain itself forever: the finite variant of an enum gives the minimum).
     */
    public int minSize(TypeRef type) {
        return minSize(type, new HashMap<>()).bytes();
    }

    /**
     * A minimum and the depth of the shallowest type being computed that it assumed unbounded;
     * only a result that assumed nothing about the types above it may be cached.
     */
    private record Min(int bytes, int assumedDepth) {
        static final int NONE = Integer.MAX_VALUE;

        Min plus(Min other) {
            return new Min(saturatedAdd(bytes, other.bytes), Math.min(assumedDepth, other.assumedDepth));
        }
    }

    private Min minSize(TypeRef type, Map<String, Integer> visiting) {
        if (type instanceof BuiltinType b) {
            return new Min(switch (b.kind()) {
                case BOOL, U8, I8, CHAR -> 1;
                case U16, I16 -> 2;
                case U32, I32, F32 -> 4;
                case U64, I64, F64, STRING, BYTES -> 8;
            }, Min.NONE);
        }
        if (type instanceof VecType || type instanceof MapType) {
            return new Min(8, Min.NONE);
        }
        if (type instanceof OptionType) {
            return new Min(1, Min.NONE);
        }
        String name = ((NamedTypeRef) type).name();
        Integer known = minSizes.get(name);
        if (known != null) {
            return new Min(known, Min.NONE);
        }
        Integer depth = visiting.get(name);
        if (depth != null) {
            return new Min(Integer.MAX_VALUE, depth);
        }
        int myDepth = visiting.size();
        visiting.put(name, myDepth);
        UserType declared = schema.type(name);
        Min size;
        if (declared instanceof StructType s) {
            size = fieldsMinSize(s.fields(), visiting);
        } else {
            Min smallest = new Min(Integer.MAX_VALUE, Min.NONE);
            for (Variant v : ((EnumType) declared).variants()) {
                Min m = variantMinSize(v, visiting);
                smallest = new Min(Math.min(smallest.bytes(), m.bytes()),
                        Math.min(smallest.assumedDepth(), m.assumedDepth()));
            }
            size = new Min(4, Min.NONE).plus(smallest);
        }
        visiting.remove(name);
        if (size.assumedDepth() >= myDepth) {
            minSizes.put(name, size.bytes());
            return new Min(size.bytes(), Min.NONE);
        }
        return size;
    }

    private Min variantMinSize(Variant v, Map<String, Integer> visiting) {
        Min size = fieldsMinSize(v.fields(), visiting);
        for (TypeRef t : v.elements()) {
            size = size.plus(minSize(t, visiting));
        }
        return size;
    }

    private Min fieldsMinSize(List<Field> fields, Map<String, Integer> visiting) {
        Min size = new Min(0, Min.NONE);
        for (Field f : fields) {
            size = size.plus(minSize(f.type(), visiting));
        }
        return size;
    }

    private static int saturatedAdd(int a, int b) {
        long sum = (long) a + b;
        return sum > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) sum;
    }

    /** A Java string literal. */
    public static String javaString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        // Octal: a unicode escape of a line break would end the literal early.
                        b.append(String.format("\\%03o", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
