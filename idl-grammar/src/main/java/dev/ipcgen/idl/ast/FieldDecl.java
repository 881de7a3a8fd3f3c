package dev.ipcgen.idl.ast;

import dev.ipcgen.idl.diag.SourceSpan;
import java.util.Optional;

/** {@code name: Type}. */
public record FieldDecl(String name, TypeExpr type, Optional<String> doc, SourceSpan span) {
}
