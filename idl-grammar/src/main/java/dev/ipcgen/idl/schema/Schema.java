package dev.ipcgen.idl.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** A checked schema set: every file, every struct and enum by name, every protocol. */
public final class Schema {

    private final List<SchemaFile> files;
    private final Map<String, UserType> types;

    /** Builds the name index; names are unique within a set (the checker made sure). */
    public Schema(List<SchemaFile> files) {
        this.files = List.copyOf(files);
        Map<String, UserType> index = new LinkedHashMap<>();
        for (SchemaFile f : this.files) {
            for (UserType t : f.types()) {
                index.put(t.name(), t);
            }
        }
        this.types = Collections.unmodifiableMap(index);
    }

    /** The files, inputs first in the order given, then imported ones. */
    public List<SchemaFile> files() {
        return files;
    }

    /** Every struct and enum by name, in declaration order. */
    public Map<String, UserType> types() {
        return types;
    }

    /** The struct or enum a {@link NamedTypeRef} names. */
    public UserType type(String name) {
        UserType t = types.get(name);
        if (t == null) {
            throw new NoSuchElementException("no struct or enum named " + name + " in the schema");
        }
        return t;
    }

    /** Every protocol of every file. */
    public List<ProtocolType> protocols() {
        return files.stream().flatMap(f -> f.protocols().stream()).toList();
    }
}
