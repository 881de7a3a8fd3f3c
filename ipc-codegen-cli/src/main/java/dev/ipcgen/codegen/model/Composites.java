package dev.ipcgen.codegen.model;

import dev.ipcgen.idl.schema.TypeRef;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The static codecs of nested containers ({@code Vec<Vec<T>>}) of one generated class, each created
 * once and named after its type ({@code VEC_ROLE}). Inner ones are registered first, so declaring
 * them in {@link #constants()} order never forward-references.
 */
public final class Composites {

    private final Map<String, CodecConstant> byType = new LinkedHashMap<>();
    private final Set<String> usedNames = new HashSet<>();

    /** The name of the constant holding the codec of {@code type}, declaring it on first use. */
    String constant(TypeRef type, String javaType, String initializer) {
        CodecConstant c = byType.get(type.canonical());
        if (c == null) {
            String base = JavaNames.codecConstantName(type.canonical());
            String name = base;
            for (int i = 2; !usedNames.add(name); i++) {
                name = base + "_" + i;
            }
            c = new CodecConstant(name, javaType, initializer);
            byType.put(type.canonical(), c);
        }
        return c.name();
    }

    /** The constants in declaration order. */
    public List<CodecConstant> constants() {
        return List.copyOf(byType.values());
    }
}
