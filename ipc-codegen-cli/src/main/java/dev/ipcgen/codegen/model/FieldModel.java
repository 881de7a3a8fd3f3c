package dev.ipcgen.codegen.model;

import java.util.List;

/**
 * One record component with the code that checks, encodes and decodes it.
 *
 * @param name the Java name (component, accessor and parameter)
 * @param javaType its declared type, fully qualified
 * @param checks statements of the compact constructor: null checks and defensive copies
 * @param encode the statement writing it, reading the component through {@code value}
 * @param decode the expression reading it from {@code in}
 * @param decodeMethod the codec's method that reads it and names it in a decode error
 * @param pathLiteral a Java string literal: its segment of a decode error's field path (the IDL name)
 */
public record FieldModel(String name, String javaType, List<String> checks, String encode, String decode,
        String decodeMethod, String pathLiteral) {
    /** Copies the list. */
    public FieldModel {
        checks = List.copyOf(checks);
    }
}
