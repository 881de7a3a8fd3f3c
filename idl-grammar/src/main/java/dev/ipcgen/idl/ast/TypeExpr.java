package dev.ipcgen.idl.ast;

import dev.ipcgen.idl.diag.SourceSpan;
import java.util.List;

/**
 * A type as written, unresolved: {@code User}, {@code Vec<Option<u8>>}. Arguments are kept
 * whatever the name, so that arity is checked after parsing.
 *
 * @param span where the name is
 */
public record TypeExpr(String name, List<TypeExpr> arguments, SourceSpan span) {
    /** Copies the list. */
    public TypeExpr {
        arguments = List.copyOf(arguments);
    }

    /** The type as it would be written, {@code HashMap<String, u8>}. */
    public String text() {
        if (arguments.isEmpty()) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name).append('<');
        for (int i = 0; i < arguments.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(arguments.get(i).text());
        }
        return sb.append('>').toString();
    }
}
