package dev.ipcgen.idl.check;

import dev.ipcgen.idl.ast.Declaration;
import dev.ipcgen.idl.ast.EnumDecl;
import dev.ipcgen.idl.ast.ProtocolDecl;
import dev.ipcgen.idl.ast.StructDecl;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed files of one run, inputs first, then files reached through imports, with an index
 * of struct and enum names (the first declaration of each name wins; duplicates are reported by
 * {@link DuplicateNameCheck}).
 */
public final class SourceSet {

    private final List<SourceFile> files;
    private final Map<Path, SourceFile> byPath = new LinkedHashMap<>();
    private final Map<String, Located<Declaration>> types = new LinkedHashMap<>();

    /** A set of these files, in this order. */
    public SourceSet(List<SourceFile> files) {
        this.files = List.copyOf(files);
        for (SourceFile f : this.files) {
            byPath.put(f.realPath(), f);
            for (Declaration d : f.ast().declarations()) {
                if (!(d instanceof ProtocolDecl)) {
                    types.putIfAbsent(d.name(), new Located<>(d, f));
                }
            }
        }
    }

    /** The files, inputs first. */
    public List<SourceFile> files() {
        return files;
    }

    /** The file with this real path. */
    public SourceFile file(Path realPath) {
        return byPath.get(realPath);
    }

    /** The struct or enum of this name and its file, if any file declares one. */
    public Optional<Located<Declaration>> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** Every struct and enum name of the set, first declarations, in file order. */
    public Map<String, Located<Declaration>> types() {
        return Collections.unmodifiableMap(types);
    }

    /** The enum of this name, if it is one. */
    public Optional<EnumDecl> enumNamed(String name) {
        return type(name).map(Located::node).filter(EnumDecl.class::isInstance).map(EnumDecl.class::cast);
    }

    /** The struct of this name, if it is one. */
    public Optional<StructDecl> structNamed(String name) {
        return type(name).map(Located::node).filter(StructDecl.class::isInstance).map(StructDecl.class::cast);
    }

    /** Whether {@code file} may use the type {@code name}: its own, or one of a file it imports directly. */
    public boolean isVisible(SourceFile file, String name) {
        Optional<Located<Declaration>> t = type(name);
        if (t.isEmpty()) {
            return false;
        }
        Path declaredIn = t.get().file().realPath();
        return declaredIn.equals(file.realPath())
                || file.imports().stream().anyMatch(i -> i.target().equals(declaredIn));
    }

    /**
     * A syntax node and the file it is in.
     *
     * @param <T> the node type
     */
    public record Located<T>(T node, SourceFile file) {
    }
}
