package dev.ipcgen.codegen.model;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The static codecs of the containers of one generated class, each created once and named after
 * its type ({@code VEC_ROLE}); those holding range-checked integers or chars are made per field, so
 * that an out-of-range element names its field ({@code VEC_U16_PORTS}). Inner ones are registered
 * first, so declaring them in {@link #constants()} order never forward-references.
 */
public final class Composites {

    private final Map<String, CodecConstant> byType = new LinkedHashMap<>();
    private final Set<String> usedNames = new HashSet<>();

    /** Whether a constant has {@code key} already (its element codecs are then registered too). */
    boolean has(String key) {
        return byType.containsKey(key);
    }

    /** A name from {@code base}, unique in this class. */
    String newName(String base) {
        String name = base;
        for (int i = 2; !usedNames.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /** The name of the constant of {@code key}. */
    String name(String key) {
        return byType.get(key).name();
    }

    /** Declares the constant of {@code key}, after those of its elements. */
    void add(String key, CodecConstant constant) {
        byType.put(key, constant);
    }

    /** The constants in declaration order. */
    public List<CodecConstant> constants() {
        return List.copyOf(byType.values());
    }
}
