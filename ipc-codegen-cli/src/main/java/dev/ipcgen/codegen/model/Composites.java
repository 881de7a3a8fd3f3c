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

    /** Whether {@code type} has a constant already (its element codecs are then registered too). */
    boolean has(TypeRef type) {
        return byType.containsKey(type.canonical());
    }

    /** A name for the constant of {@code type}, unique in this class. */
    String newName(TypeRef type) {
        String base = JavaNames.codecConstantName(type.canonical());
        String name = base;
        for (int i = 2; !usedNames.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /** The name of the constant of {@code type}. */
    String name(TypeRef type) {
        return byType.get(type.canonical()).name();
    }

    /** Declares the constant of {@code type}, after those of its elements. */
    void add(TypeRef type, CodecConstant constant) {
        byType.put(type.canonical(), constant);
    }

    /** The constants in declaration order. */
    public List<CodecConstant> constants() {
        return List.copyOf(byType.values());
    }
}
