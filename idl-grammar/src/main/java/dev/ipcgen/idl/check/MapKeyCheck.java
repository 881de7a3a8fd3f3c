package dev.ipcgen.idl.check;

import dev.ipcgen.idl.ast.TypeExpr;
import dev.ipcgen.idl.diag.Diagnostic;
import dev.ipcgen.idl.schema.Builtin;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code HashMap} keys are integers, {@code bool}, {@code char}, {@code String} or C-like enums:
 * types with a natural equality in every language (no floats, no byte strings, no containers).
 */
public final class MapKeyCheck implements SemanticCheck {

    private static final Set<Builtin> ALLOWED = EnumSet.of(Builtin.U8, Builtin.U16, Builtin.U32, Builtin.U64,
            Builtin.I8, Builtin.I16, Builtin.I32, Builtin.I64, Builtin.BOOL, Builtin.CHAR, Builtin.STRING);

    @Override
    public void check(SourceSet set, Consumer<Diagnostic> report) {
        for (SourceFile f : set.files()) {
            SyntaxWalk.types(f.ast(), t -> {
                if (t.name().equals(TypeNames.HASH_MAP) && t.arguments().size() == 2) {
                    TypeExpr key = t.arguments().get(0);
                    if (!allowed(set, key)) {
                        report.accept(Diagnostic.error(key.span(), "'" + key.text()
                                + "' cannot be a HashMap key: use an integer, bool, char, String or a C-like enum"));
                    }
                }
            });
        }
    }

    private static boolean allowed(SourceSet set, TypeExpr key) {
        if (!key.arguments().isEmpty()) {
            return false;
        }
        if (TypeNames.isBuiltin(key.name())) {
            return TypeNames.scalar(key.name()).map(ALLOWED::contains).orElse(false);
        }
        if (set.type(key.name()).isEmpty()) {
            return true; // unknown: TypeReferenceCheck reports it
        }
        return set.enumNamed(key.name()).map(e -> e.isCLike()).orElse(false);
    }
}
