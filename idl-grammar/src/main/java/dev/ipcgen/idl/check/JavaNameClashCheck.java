package dev.ipcgen.idl.check;

import dev.ipcgen.idl.ast.Declaration;
import dev.ipcgen.idl.ast.EnumDecl;
import dev.ipcgen.idl.ast.FieldDecl;
import dev.ipcgen.idl.ast.MessageDecl;
import dev.ipcgen.idl.ast.ProtocolDecl;
import dev.ipcgen.idl.ast.VariantDecl;
import dev.ipcgen.idl.diag.Diagnostic;
import dev.ipcgen.idl.diag.SourceSpan;
import dev.ipcgen.idl.schema.JavaPackages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Two IDL names that become one Java name in one scope, which javac would refuse (idl.md "Names"):
 * fields of one field list ({@code user_id} and {@code userId}), messages of one protocol, variants
 * of one enum, a variant of an enum with data named like its enum (a nested record may not share
 * its enclosing class's name), and the classes of one Java package, compared ignoring case since
 * each is a file and some file systems ignore case ({@code S} and {@code s}, a protocol
 * {@code user} beside a struct {@code User}, versions 1 and 2 of one protocol).
 *
 * <p>Names that are equal in the IDL are {@link DuplicateNameCheck}'s to report. The second name is
 * reported, naming the first and where it is.
 */
public final class JavaNameClashCheck implements SemanticCheck {

    private final Optional<String> defaultPackage;

    /** A check for a run with this default package option. */
    public JavaNameClashCheck(Optional<String> defaultPackage) {
        this.defaultPackage = defaultPackage;
    }

    /**
     * An IDL name that took a Java name.
     *
     * @param version a protocol's version as written, else empty
     */
    private record Claim(String kind, String idlName, String version, String javaName, SourceSpan span) {
        /** What {@link DuplicateNameCheck} compares: two claims with one identity are its to report. */
        String identity() {
            return version.isEmpty() ? idlName : idlName + "@" + version;
        }
    }

    /** One Java scope. */
    private static final class Scope {
        private final Map<String, Claim> claims = new HashMap<>();
        private final boolean ignoreCase;

        Scope(boolean ignoreCase) {
            this.ignoreCase = ignoreCase;
        }

        /** The claim that already holds {@code javaName}, unless the claim is the same IDL name. */
        Optional<Claim> claim(Claim claim) {
            String key = ignoreCase ? claim.javaName().toLowerCase(Locale.ROOT) : claim.javaName();
            Claim earlier = claims.putIfAbsent(key, claim);
            return earlier == null || earlier.identity().equals(claim.identity()) ? Optional.empty()
                    : Optional.of(earlier);
        }
    }

    @Override
    public void check(SourceSet set, Consumer<Diagnostic> report) {
        Map<SourceFile, String> packages = new LinkedHashMap<>();
        for (SourceFile f : set.files()) {
            packages.put(f, JavaPackages.of(f.ast().packageDecl().map(p -> p.name()).or(() -> defaultPackage)
                    .orElse("")));
        }
        JavaNameRules names = new JavaNameRules(new ArrayList<>(packages.values()));
        Map<String, Scope> classes = new HashMap<>();
        for (SourceFile f : set.files()) {
            String pkg = packages.get(f);
            Scope scope = classes.computeIfAbsent(pkg, p -> new Scope(true));
            for (Declaration d : f.ast().declarations()) {
                if (d instanceof ProtocolDecl p) {
                    classClash(scope, new Claim("protocol", p.name(), p.version(), names.protocolClassName(p.name()),
                            p.span()), pkg, report);
                    checkMessages(names, p, report);
                } else {
                    classClash(scope, new Claim(d.kind(), d.name(), "", names.typeName(d.name()), d.span()), pkg,
                            report);
                    if (d instanceof EnumDecl e) {
                        checkVariants(names, e, report);
                    }
                }
            }
            SyntaxWalk.fieldLists(f.ast(), (where, fields) -> checkFields(names, where, fields, report));
        }
    }

    private static void classClash(Scope scope, Claim claim, String pkg, Consumer<Diagnostic> report) {
        scope.claim(claim).ifPresent(earlier -> {
            // Versions of one protocol differ only in their version.
            boolean versions = claim.idlName().equals(earlier.idlName()) && !claim.version().isEmpty()
                    && !earlier.version().isEmpty();
            String both = label(claim, versions) + " and " + label(earlier, versions) + " (" + earlier.span() + ")";
            String how = claim.javaName().equals(earlier.javaName())
                    ? " both become class '" + claim.javaName() + "' in Java package '" + pkg + "'"
                    : " become classes '" + claim.javaName() + "' and '" + earlier.javaName() + "' in Java package '"
                            + pkg + "', one file on case-insensitive file systems";
            report.accept(Diagnostic.error(claim.span(), both + how + ": rename one"));
        });
    }

    private static String label(Claim c, boolean withVersion) {
        return c.kind() + " '" + c.idlName() + "'" + (withVersion ? " version " + c.version() : "");
    }

    private static void checkFields(JavaNameRules names, String where, List<FieldDecl> fields,
            Consumer<Diagnostic> report) {
        Scope scope = new Scope(false);
        for (FieldDecl f : fields) {
            String javaName = names.fieldName(f.name());
            scope.claim(new Claim("field", f.name(), "", javaName, f.span())).ifPresent(earlier ->
                    report.accept(clash("field", f.name(), f.span(), earlier, javaName, where)));
        }
    }

    private static void checkMessages(JavaNameRules names, ProtocolDecl p, Consumer<Diagnostic> report) {
        Scope scope = new Scope(false);
        for (MessageDecl m : p.messages()) {
            String javaName = names.methodName(m.name());
            scope.claim(new Claim("message", m.name(), "", javaName, m.span())).ifPresent(earlier ->
                    report.accept(clash("message", m.name(), m.span(), earlier, javaName,
                            "protocol '" + p.name() + "'")));
        }
    }

    private static void checkVariants(JavaNameRules names, EnumDecl e, Consumer<Diagnostic> report) {
        boolean cLike = e.isCLike();
        Scope scope = new Scope(false);
        String enumName = names.typeName(e.name());
        for (VariantDecl v : e.variants()) {
            String javaName = cLike ? names.enumConstantName(v.name()) : names.typeName(v.name());
            if (!cLike && javaName.equals(enumName)) {
                report.accept(Diagnostic.error(v.span(), "variant '" + v.name() + "' and enum '" + e.name() + "' ("
                        + e.span() + ") both become '" + javaName + "' in Java, where a variant's record is nested in "
                        + "its enum and may not share its name: rename the variant"));
                continue;
            }
            scope.claim(new Claim("variant", v.name(), "", javaName, v.span())).ifPresent(earlier ->
                    report.accept(clash("variant", v.name(), v.span(), earlier, javaName, "enum '" + e.name() + "'")));
        }
    }

    private static Diagnostic clash(String kind, String name, SourceSpan span, Claim earlier, String javaName,
            String where) {
        return Diagnostic.error(span, kind + " '" + name + "' and " + earlier.kind() + " '" + earlier.idlName() + "' ("
                + earlier.span() + ") both become '" + javaName + "' in Java (" + where + "): rename one");
    }
}
