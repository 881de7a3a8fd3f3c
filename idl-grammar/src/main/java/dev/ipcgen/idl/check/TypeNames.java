package dev.ipcgen.idl.check;

import dev.ipcgen.idl.schema.Builtin;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The built-in type names of the IDL and how many type arguments each takes. */
public final class TypeNames {

    /** {@code Vec<T>}. */
    public static final String VEC = "Vec";
    /** {@code Option<T>}. */
    public static final String OPTION = "Option";
    /** {@code HashMap<K, V>}. */
    public static final String HASH_MAP = "HashMap";

    private static final Map<String, Integer> GENERIC_ARITY = Map.of(VEC, 1, OPTION, 1, HASH_MAP, 2);

    private static final Set<String> SCALARS =
            Arrays.stream(Builtin.values()).map(Builtin::idlName).collect(Collectors.toUnmodifiableSet());

    private TypeNames() {
    }

    /** The scalar named {@code name} ({@code u8}, {@code String}, {@code Bytes}, ...). */
    public static Optional<Builtin> scalar(String name) {
        return Arrays.stream(Builtin.values()).filter(b -> b.idlName().equals(name)).findFirst();
    }

    /** Whether {@code name} is {@code Vec}, {@code Option} or {@code HashMap}. */
    public static boolean isGeneric(String name) {
        return GENERIC_ARITY.containsKey(name);
    }

    /** How many type arguments {@code name} takes: 1 or 2 for the generics, 0 for anything else. */
    public static int arity(String name) {
        return GENERIC_ARITY.getOrDefault(name, 0);
    }

    /** Whether {@code name} is a built-in name, which no struct or enum may take. */
    public static boolean isBuiltin(String name) {
        return SCALARS.contains(name) || isGeneric(name);
    }

    /** Every built-in name, for suggestions. */
    public static Set<String> all() {
        return Stream.concat(SCALARS.stream(), GENERIC_ARITY.keySet().stream()).collect(Collectors.toUnmodifiableSet());
    }
}
