package dev.ipcgen.idl.ast;

import dev.ipcgen.idl.diag.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * One variant as written: {@code V}, {@code V(T, ...)} or {@code V { fields }}. The parser also
 * accepts the empty forms {@code V()} and {@code V {}} so that the checker can say "write V".
 */
public record VariantDecl(String name, Form form, List<TypeExpr> elements, List<FieldDecl> fields,
        Optional<String> doc, SourceSpan span) {

    /** How the variant was written. */
    public enum Form { UNIT, TUPLE, STRUCT }

    /** Copies the lists. */
    public VariantDecl {
        elements = List.copyOf(elements);
        fields = List.copyOf(fields);
    }
}
