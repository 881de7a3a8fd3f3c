package dev.ipcgen.idl.schema;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@code .ipc} files and everything they import, parses, links and checks them: the one
 * entry point from files to a {@link Schema}.
 */
public final class SchemaLoader {

    private final LoadOptions options;

    /** A loader with these options. */
    public SchemaLoader(LoadOptions options) {
        this.options = options;
    }

    /**
     * Loads the schema set of {@code inputs}. Never throws for bad input: a missing file, a syntax
     * error or a semantic error is a diagnostic.
     *
     * @param inputs the files of the run, as the user gave them (their text is the display path)
     */
    public LoadResult load(List<Path> inputs) {
        throw new UnsupportedOperationException("not implemented yet: " + options + " " + inputs);
    }
}
