package dev.ipcgen.maven;

import dev.ipcgen.idl.diag.Diagnostic;
import java.io.File;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Prints diagnostics with paths relative to the project's base folder. The generator is given
 * absolute paths (Maven's working directory need not be the project's), and prints them as given;
 * this turns {@code /home/u/proj/src/main/ipc/a.ipc:3:5: error: ...} back into
 * {@code src/main/ipc/a.ipc:3:5: error: ...}.
 */
final class DiagnosticPaths {

    private final Pattern basePrefix;

    /** Shortens paths under {@code baseDir}. */
    DiagnosticPaths(Path baseDir) {
        String prefix = baseDir.toAbsolutePath().normalize() + File.separator;
        // Only where a path starts: at the beginning, after a space, a quote or a bracket; so a
        // longer path that merely contains the base folder's text is left alone.
        this.basePrefix = Pattern.compile("(?<![^\\s'\"`(\\[])" + Pattern.quote(prefix));
    }

    /** The diagnostic's headline with paths under the base folder made relative. */
    String headline(Diagnostic diagnostic) {
        return relativize(diagnostic.headline());
    }

    /** {@code text} with every path under the base folder made relative. */
    String relativize(String text) {
        return basePrefix.matcher(text).replaceAll("");
    }
}
