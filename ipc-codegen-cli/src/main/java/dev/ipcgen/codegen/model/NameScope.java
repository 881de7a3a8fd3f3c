package dev.ipcgen.codegen.model;

import dev.ipcgen.idl.diag.Diagnostic;
import dev.ipcgen.idl.diag.SourceSpan;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Java scope (a package, a record, a protocol class): reports two IDL names that become the
 * same Java name there, which javac would refuse (idl.md "Names"). The checker reports the clashes
 * it knows; this is the generator's own guard for the names it computes.
 */
final class NameScope {

    private record Claim(String idlName, SourceSpan span) {
    }

    private final String description;
    private final boolean ignoreCase;
    private final List<Diagnostic> diagnostics;
    private final Map<String, Claim> claims = new HashMap<>();

    /**
     * @param description how messages name the scope, e.g. {@code struct User}
     * @param ignoreCase whether names differing only in case clash (top-level classes are files,
     *     and some file systems ignore case)
     */
    NameScope(String description, boolean ignoreCase, List<Diagnostic> diagnostics) {
        this.description = description;
        this.ignoreCase = ignoreCase;
        this.diagnostics = diagnostics;
    }

    /** Takes {@code javaName} for {@code idlName}, or reports the earlier name that took it. */
    void claim(String javaName, String idlName, SourceSpan span) {
        String key = ignoreCase ? javaName.toLowerCase(Locale.ROOT) : javaName;
        Claim earlier = claims.putIfAbsent(key, new Claim(idlName, span));
        if (earlier != null) {
            diagnostics.add(Diagnostic.error(span, "'" + idlName + "' and '" + earlier.idlName()
                    + "' (" + (earlier.span() == null ? "generated" : earlier.span()) + ") both become '" + javaName
                    + "' in Java (" + description + "); rename one"));
        }
    }
}
