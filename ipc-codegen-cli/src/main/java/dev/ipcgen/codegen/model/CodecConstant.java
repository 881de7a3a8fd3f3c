package dev.ipcgen.codegen.model;

/**
 * A {@code private static final} codec of a nested container.
 *
 * @param name the field name, e.g. {@code VEC_ROLE}
 * @param javaType its declared type
 * @param initializer the expression creating it
 */
public record CodecConstant(String name, String javaType, String initializer) {
}
