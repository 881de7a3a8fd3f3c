package dev.ipcgen.idl.check;

import dev.ipcgen.idl.ast.TypeExpr;
import dev.ipcgen.idl.diag.Diagnostic;
import dev.ipcgen.idl.diag.Suggestions;
import dev.ipcgen.idl.schema.SchemaLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every type names a built-in or a struct or enum the file can see (its own, or one of a file it
 * imports directly), with the right number of type arguments. Unknown names get a "did you mean"
 * when one is close; {@code Box<T>} is explained.
 */
public final class TypeReferenceCheck implements SemanticCheck {

    private static final String[] COUNT = {"no type arguments", "one type argument", "two type arguments"};

    /**
     * Searching for a suggestion reads every visible name: bounded so that a huge file full of
     * unknown names stays linear. A run shows at most {@link SchemaLoader#MAX_ERRORS} errors anyway.
     */
    private int suggestionsLeft = SchemaLoader.MAX_ERRORS;

    @Override
    public void check(SourceSet set, Consumer<Diagnostic> report) {
        suggestionsLeft = SchemaLoader.MAX_ERRORS;
        for (SourceFile f : set.files()) {
            List<String> visible = new ArrayList<>(TypeNames.all());
            for (String name : set.types().keySet()) {
                if (set.isVisible(f, name)) {
                    visible.add(name);
                }
            }
            SyntaxWalk.types(f.ast(), t -> check(set, f, t, visible, report));
        }
    }

    private void check(SourceSet set, SourceFile file, TypeExpr t, List<String> visible,
            Consumer<Diagnostic> report) {
        String name = t.name();
        boolean known = TypeNames.isBuiltin(name) || set.type(name).isPresent();
        if (!known) {
            if (name.equals("Box") && t.arguments().size() == 1) {
                String inner = t.arguments().get(0).text();
                report.accept(Diagnostic.error(t.span(), "no need for '" + t.text() + "': write '" + inner
                        + "', fields are references already"));
                return;
            }
            Optional<String> hint = suggestionsLeft-- > 0 ? Suggestions.closest(name, visible) : Optional.empty();
            report.accept(Diagnostic.error(t.span(), "unknown type '" + name + "'"
                    + hint.map(h -> ": did you mean '" + h + "'?").orElse("")));
            return;
        }
        if (!TypeNames.isBuiltin(name) && !set.isVisible(file, name)) {
            SourceFile declaredIn = set.type(name).orElseThrow().file();
            report.accept(Diagnostic.error(t.span(), "type '" + name + "' is declared in '" + declaredIn.displayPath()
                    + "', which this file does not import"));
        }
        int arity = TypeNames.arity(name);
        if (t.arguments().size() != arity) {
            report.accept(Diagnostic.error(t.span(), "'" + name + "' takes " + COUNT[arity] + ", found "
                    + t.arguments().size()));
        }
    }
}
