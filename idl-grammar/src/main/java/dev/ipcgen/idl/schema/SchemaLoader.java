package dev.ipcgen.idl.schema;

import dev.ipcgen.idl.check.DuplicateNameCheck;
import dev.ipcgen.idl.check.EnumShapeCheck;
import dev.ipcgen.idl.check.InfiniteSizeCheck;
import dev.ipcgen.idl.check.JavaNameClashCheck;
import dev.ipcgen.idl.check.MapKeyCheck;
import dev.ipcgen.idl.check.MessageCountCheck;
import dev.ipcgen.idl.check.PackageCheck;
import dev.ipcgen.idl.check.ProtocolIdCheck;
import dev.ipcgen.idl.check.ProtocolVersionCheck;
import dev.ipcgen.idl.check.ReservedTypeNameCheck;
import dev.ipcgen.idl.check.SemanticCheck;
import dev.ipcgen.idl.check.SourceFile;
import dev.ipcgen.idl.check.SourceSet;
import dev.ipcgen.idl.check.TypeReferenceCheck;
import dev.ipcgen.idl.check.UnusedImportCheck;
import dev.ipcgen.idl.diag.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code .ipc} files and everything they import, parses, links and checks them: the one
 * entry point from files to a {@link Schema}.
 *
 * <p>Semantic checks run only when every file was read and parsed without error, so that one
 * syntax error does not bring a flood of follow-on errors. A run reports at most
 * {@link #MAX_ERRORS} errors and as many warnings, then one line (without a place) that says how
 * many more there were: {@code error: too many errors; 37 more not shown}.
 */
public final class SchemaLoader {

    /** The most errors one run reports; the most warnings too. */
    public static final int MAX_ERRORS = 100;

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
        List<Diagnostic> diagnostics = new ArrayList<>();
        try {
            return load(inputs, diagnostics);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug of ours, not of the input; still a diagnostic rather than a stack trace for the user.
            diagnostics.add(Diagnostic.error(null, "internal error while loading the schema: " + e));
            return new LoadResult(Optional.empty(), diagnostics);
        }
    }

    private LoadResult load(List<Path> inputs, List<Diagnostic> diagnostics) {
        SourceSetReader reader = new SourceSetReader(options.importRoots(), diagnostics::add);
        SourceSet set = reader.read(inputs);
        if (!reader.hadErrors()) {
            for (SemanticCheck check : checks()) {
                check.check(set, diagnostics::add);
            }
        }
        List<Diagnostic> sorted = sort(diagnostics, set);
        boolean failed = reader.omittedErrors() > 0 || sorted.stream().anyMatch(Diagnostic::isError);
        Optional<Schema> schema = failed ? Optional.empty() : Optional.of(new Linker(options.defaultJavaPackage()).link(set));
        return new LoadResult(schema, limit(sorted, reader.omittedErrors(), reader.omittedWarnings()));
    }

    /**
     * The first {@link #MAX_ERRORS} errors and as many warnings, then a line for each kind that
     * had more, counting those and the ones the parser did not keep.
     */
    private static List<Diagnostic> limit(List<Diagnostic> sorted, long omittedErrors, long omittedWarnings) {
        List<Diagnostic> shown = new ArrayList<>();
        int errors = 0;
        int warnings = 0;
        long moreErrors = omittedErrors;
        long moreWarnings = omittedWarnings;
        for (Diagnostic d : sorted) {
            if (d.isError()) {
                if (errors++ < MAX_ERRORS) {
                    shown.add(d);
                } else {
                    moreErrors++;
                }
            } else if (warnings++ < MAX_ERRORS) {
                shown.add(d);
            } else {
                moreWarnings++;
            }
        }
        if (moreErrors > 0) {
            shown.add(Diagnostic.error(null, "too many errors; " + moreErrors + " more not shown"));
        }
        if (moreWarnings > 0) {
            shown.add(Diagnostic.warning(null, "too many warnings; " + moreWarnings + " more not shown"));
        }
        return shown;
    }

    private List<SemanticCheck> checks() {
        return List.of(
                new PackageCheck(options.defaultJavaPackage()),
                new ReservedTypeNameCheck(),
                new DuplicateNameCheck(),
                new JavaNameClashCheck(options.defaultJavaPackage()),
                new TypeReferenceCheck(),
                new MapKeyCheck(),
                new EnumShapeCheck(),
                new InfiniteSizeCheck(),
                new ProtocolVersionCheck(),
                new MessageCountCheck(),
                new ProtocolIdCheck(),
                new UnusedImportCheck());
    }

    /** By file (in set order; no place first), then line and column; found order among equals. */
    private static List<Diagnostic> sort(List<Diagnostic> diagnostics, SourceSet set) {
        Map<String, Integer> fileOrder = new HashMap<>();
        for (SourceFile f : set.files()) {
            fileOrder.putIfAbsent(f.displayPath(), fileOrder.size());
        }
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort(Comparator.comparingInt((Diagnostic d) -> d.span() == null ? -1
                        : fileOrder.getOrDefault(d.span().path(), Integer.MAX_VALUE))
                .thenComparingInt(d -> d.span() == null ? 0 : d.span().line())
                .thenComparingInt(d -> d.span() == null ? 0 : d.span().column()));
        return sorted;
    }
}
