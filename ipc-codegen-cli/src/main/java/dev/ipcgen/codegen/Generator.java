package dev.ipcgen.codegen;

import java.nio.file.Path;
import java.util.List;

/**
 * The generator as a library: {@code .ipc} files in, Java files and diagnostics out. The
 * {@code ipcgen} CLI and the Maven plugin are thin front ends over this class.
 */
public final class Generator {

    /** Loads, checks and renders {@code inputs}; never throws for bad input. */
    public GenerationResult generate(List<Path> inputs, GeneratorOptions options) {
        throw new UnsupportedOperationException("not implemented yet: " + inputs + " " + options);
    }
}
