package dev.ipcgen.codegen.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every Java name the generator writes, computed from IDL names (idl.md "Names"). Templates never
 * build names themselves.
 *
 * <p>Names that Java refuses or that would capture a reference get a trailing {@code _}: keywords,
 * the literals, {@code _}, the restricted identifiers, the names a record may not use for a
 * component, the names the generator adds itself, and the first segment of every package the
 * generated code refers to ({@code java}, {@code dev}, the schema's packages). The last rule exists
 * because generated code writes types fully qualified: a field or type named {@code java} would
 * obscure {@code java.util.List} in an expression.
 */
public final class JavaNames {

    private static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "_", "true", "false", "null");

    /** Contextual words Java refuses as type names (and {@code yield} as an unqualified call). */
    private static final Set<String> RESTRICTED = Set.of("var", "yield", "record", "sealed", "permits");

    /** Methods of {@code Object}: a record component or a handler method must not redeclare them. */
    private static final Set<String> OBJECT_METHODS = Set.of(
            "equals", "hashCode", "toString", "getClass", "wait", "notify", "notifyAll", "clone", "finalize");

    /** Methods the generator adds to every {@code Sender}. */
    private static final Set<String> GENERATED_METHODS = Set.of("withOptions");

    /** Types the generator nests in every protocol class. */
    private static final Set<String> GENERATED_TYPES = Set.of("Handler", "AsyncHandler", "Sender", "SenderImpl");

    /** Static fields the generator adds to enums and protocol classes. */
    private static final Set<String> GENERATED_CONSTANTS = Set.of("CODEC", "DESCRIPTOR");

    /** First package segments that variables would obscure (in expressions). */
    private final Set<String> variableRoots;
    /** First package segments that types would obscure (in expressions and type names). */
    private final Set<String> typeRoots;

    /**
     * Names for one schema set.
     *
     * @param javaPackages every Java package of the set (their first segments become reserved)
     */
    public JavaNames(Collection<String> javaPackages) {
        Set<String> roots = new TreeSet<>(Set.of("java", "dev"));
        for (String p : javaPackages) {
            roots.add(p.split("\\.", -1)[0]);
        }
        this.variableRoots = Set.copyOf(roots);
        roots.add("javax");
        roots.add("io");
        this.typeRoots = Set.copyOf(roots);
    }

    /** A Java package name: segments that are keywords get a trailing {@code _}. */
    public static String packageName(String javaPackage) {
        return Arrays.stream(javaPackage.split("\\.", -1))
                .map(s -> KEYWORDS.contains(s) || RESTRICTED.contains(s) ? s + "_" : s)
                .collect(Collectors.joining("."));
    }

    /** A struct, enum or variant type: kept as written unless Java refuses it. */
    public String typeName(String idlName) {
        return escape(idlName, KEYWORDS.contains(idlName) || RESTRICTED.contains(idlName)
                || typeRoots.contains(idlName));
    }

    /** A protocol's class: {@code app_protocol} becomes {@code AppProtocol}. */
    public String protocolClassName(String idlName) {
        String n = pascal(idlName);
        return escape(n, GENERATED_TYPES.contains(n) || typeRoots.contains(n));
    }

    /** A request record: {@code get_user} becomes {@code GetUserRequest}. */
    public String requestRecordName(String messageName, String protocolClass) {
        return nestedRecord(pascal(messageName) + "Request", protocolClass);
    }

    /** A response record: {@code get_user} becomes {@code GetUserResponse}. */
    public String responseRecordName(String messageName, String protocolClass) {
        return nestedRecord(pascal(messageName) + "Response", protocolClass);
    }

    private static String nestedRecord(String name, String protocolClass) {
        // A nested type may not share its enclosing class's name.
        return name.equals(protocolClass) ? name + "_" : name;
    }

    /** A record component, parameter or accessor: {@code user_id} becomes {@code userId}. */
    public String fieldName(String idlName) {
        String n = camel(idlName);
        return escape(n, KEYWORDS.contains(n) || RESTRICTED.contains(n) || OBJECT_METHODS.contains(n)
                || variableRoots.contains(n));
    }

    /** A handler or sender method: {@code get_user} becomes {@code getUser}. */
    public String methodName(String idlName) {
        String n = camel(idlName);
        return escape(n, KEYWORDS.contains(n) || RESTRICTED.contains(n) || OBJECT_METHODS.contains(n)
                || GENERATED_METHODS.contains(n));
    }

    /** A constant of a C-like enum: kept as written unless Java refuses it. */
    public String enumConstantName(String idlName) {
        return escape(idlName, KEYWORDS.contains(idlName) || RESTRICTED.contains(idlName)
                || GENERATED_CONSTANTS.contains(idlName) || variableRoots.contains(idlName));
    }

    /** The static {@code MethodDescriptor} of a message: {@code get_user} becomes {@code GET_USER}. */
    public String methodConstantName(String idlName) {
        String camel = camel(idlName);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                b.append('_');
            }
            b.append(Character.toUpperCase(c));
        }
        String n = b.toString();
        return escape(n, GENERATED_CONSTANTS.contains(n));
    }

    /** Components of a tuple variant: {@code value} for one element, else {@code value0, value1, ...}. */
    public static String tupleComponentName(int index, int count) {
        return count == 1 ? "value" : "value" + index;
    }

    /** {@code app_protocol} to {@code AppProtocol}: each {@code _}-separated part capitalised. */
    static String pascal(String idlName) {
        StringBuilder b = new StringBuilder();
        for (String part : idlName.split("_")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        return startsWithDigit(b) ? "_" + b : b.toString();
    }

    /** {@code get_user} to {@code getUser}: the first part starts in lower case, the others capitalised. */
    static String camel(String idlName) {
        String p = pascal(idlName);
        if (p.startsWith("_")) {
            return p;
        }
        return Character.toLowerCase(p.charAt(0)) + p.substring(1);
    }

    private static boolean startsWithDigit(CharSequence s) {
        return s.length() > 0 && Character.isDigit(s.charAt(0));
    }

    private static String escape(String name, boolean clashes) {
        return clashes ? name + "_" : name;
    }

    /** Upper snake case of a type's canonical text, for the name of a static codec: {@code VEC_ROLE}. */
    static String codecConstantName(String canonical) {
        String n = canonical.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("_+$", "");
        return n.toUpperCase(Locale.ROOT);
    }
}
