package dev.ipcgen.codegen.model;

/**
 * A {@code private static final} codec of a container ({@code Vec}, {@code Option} or
 * {@code HashMap}) used by one generated class, or of a range-checked element that names its field. Its decoder adds the element's place to the path of
 * a {@code DecodeException} ({@code [2]}, {@code [2].key}, {@code [2].value}), and it resolves the
 * codecs it uses when called, never while classes initialise, so cycles between types are safe.
 *
 * @param name the field name, e.g. {@code VEC_ROLE}
 * @param kind {@code list}, {@code option}, {@code map} or {@code checked} (selects the template)
 * @param valueType the Java type it encodes, e.g. {@code java.util.List<dev.x.Role>}
 * @param elementCodec an expression for the element's (or map value's) codec
 * @param keyCodec an expression for a map's key codec, else empty
 * @param minSize the fewest bytes of one element (or key and value), for the length check
 * @param initializer for {@code checked}, the expression creating it; else empty
 */
public record CodecConstant(String name, String kind, String valueType, String elementCodec, String keyCodec,
        int minSize, String initializer) {

    /** A container's codec. */
    static CodecConstant container(String name, String kind, String valueType, String elementCodec, String keyCodec,
            int minSize) {
        return new CodecConstant(name, kind, valueType, elementCodec, keyCodec, minSize, "");
    }

    /** The codec of a range-checked element, made by {@code initializer}. */
    static CodecConstant checked(String name, String valueType, String initializer) {
        return new CodecConstant(name, "checked", valueType, "", "", 0, initializer);
    }
}
