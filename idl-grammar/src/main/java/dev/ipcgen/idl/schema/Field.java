package dev.ipcgen.idl.schema;

import dev.ipcgen.idl.diag.SourceSpan;
import java.util.Optional;

/** A named field of a struct, struct variant, request or response, with its doc comment text. */
public record Field(String name, TypeRef type, Optional<String> doc, SourceSpan span) {
}
