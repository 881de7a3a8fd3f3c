package dev.ipcgen.idl.schema;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One file of a schema set and what it declares.
 *
 * @param path the file's real path
 * @param displayPath the path as diagnostics print it
 * @param root whether the file was an input of the run (code is generated for inputs; files
 *     reached only through imports are generated too, once, and marked {@code false})
 */
public record SchemaFile(Path path, String displayPath, String javaPackage, Optional<String> doc,
        List<UserType> types, List<ProtocolType> protocols, boolean root) {
    /** Copies the lists. */
    public SchemaFile {
        types = List.copyOf(types);
        protocols = List.copyOf(protocols);
    }
}
