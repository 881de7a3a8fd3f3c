package dev.ipcgen.idl.check;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Java names the generator gives IDL names (idl.md "Names"), so that the checker finds the
 * clashes javac would refuse before any code is generated. This mirrors
 * {@code dev.ipcgen.codegen.model.JavaNames} of ipc-codegen-cli, which this module cannot depend
 * on: camelCase and PascalCase split on {@code _} and capitalise each part, and a name that Java
 * refuses or that would capture a reference gets a trailing {@code _}. Keep the two in step.
 */
final class JavaNameRules {

    private static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "_", "true", "false", "null");

    private static final Set<String> RESTRICTED = Set.of("var", "yield", "record", "sealed", "permits");

    private static final Set<String> OBJECT_METHODS = Set.of(
            "equals", "hashCode", "toString", "getClass", "wait", "notify", "notifyAll", "clone", "finalize");

    private static final Set<String> GENERATED_METHODS = Set.of("withOptions");

    private static final Set<String> GENERATED_TYPES = Set.of("Handler", "AsyncHandler", "Sender", "SenderImpl");

    private static final Set<String> GENERATED_CONSTANTS = Set.of("CODEC", "DESCRIPTOR");

    private final Set<String> variableRoots;
    private final Set<String> typeRoots;

    /** Names for a schema set whose files have these (escaped) Java packages. */
    JavaNameRules(Collection<String> javaPackages) {
        Set<String> roots = new TreeSet<>(Set.of("java", "dev"));
        for (String p : javaPackages) {
            roots.add(p.split("\\.", -1)[0]);
        }
        this.variableRoots = Set.copyOf(roots);
        roots.add("javax");
        roots.add("io");
        this.typeRoots = Set.copyOf(roots);
    }

    /** The class of a struct or enum, or the record of a variant of an enum with data. */
    String typeName(String idlName) {
        return escape(idlName, KEYWORDS.contains(idlName) || RESTRICTED.contains(idlName)
                || typeRoots.contains(idlName));
    }

    /** The class of a protocol: {@code app_protocol} is {@code AppProtocol}. */
    String protocolClassName(String idlName) {
        String n = pascal(idlName);
        return escape(n, GENERATED_TYPES.contains(n) || typeRoots.contains(n));
    }

    /** A record component: {@code user_id} is {@code userId}. */
    String fieldName(String idlName) {
        String n = camel(idlName);
        return escape(n, KEYWORDS.contains(n) || RESTRICTED.contains(n) || OBJECT_METHODS.contains(n)
                || variableRoots.contains(n));
    }

    /** The handler and sender method of a message: {@code get_user} is {@code getUser}. */
    String methodName(String idlName) {
        String n = camel(idlName);
        return escape(n, KEYWORDS.contains(n) || RESTRICTED.contains(n) || OBJECT_METHODS.contains(n)
                || GENERATED_METHODS.contains(n));
    }

    /** A constant of a C-like enum. */
    String enumConstantName(String idlName) {
        return escape(idlName, KEYWORDS.contains(idlName) || RESTRICTED.contains(idlName)
                || GENERATED_CONSTANTS.contains(idlName) || variableRoots.contains(idlName));
    }

    /** Each {@code _}-separated part capitalised; a leading digit gets a {@code _} before it. */
    static String pascal(String idlName) {
        StringBuilder b = new StringBuilder();
        for (String part : idlName.split("_")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        return b.length() > 0 && Character.isDigit(b.charAt(0)) ? "_" + b : b.toString();
    }

    /** {@link #pascal} with the first letter in lower case. */
    static String camel(String idlName) {
        String p = pascal(idlName);
        if (p.isEmpty() || p.startsWith("_")) {
            return p;
        }
        return Character.toLowerCase(p.charAt(0)) + p.substring(1);
    }

    private static String escape(String name, boolean clashes) {
        return clashes ? name + "_" : name;
    }
}
