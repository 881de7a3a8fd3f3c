package dev.ipcgen.idl.schema;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Java package names from IDL package names: a segment that is a Java keyword, literal or restricted
 * identifier gets a trailing {@code _}.
 */
public final class JavaPackages {

    private static final Set<String> RESERVED = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "_",
            // Restricted identifiers: legal in a package name, but the generator escapes them too.
            "var", "yield", "record", "sealed", "permits");

    private JavaPackages() {
    }

    /** {@code my.enum.api} becomes {@code my.enum_.api}. */
    public static String of(String idlPackage) {
        return Arrays.stream(idlPackage.split("\\.", -1))
                .map(s -> RESERVED.contains(s) ? s + "_" : s)
                .collect(Collectors.joining("."));
    }
}
