package dev.ipcgen.idl.ast;

import dev.ipcgen.idl.diag.SourceSpan;
import java.util.Optional;

/** A top-level item: struct, enum or protocol. */
public sealed interface Declaration permits StructDecl, EnumDecl, ProtocolDecl {
    /** The name as written. */
    String name();

    /** The doc comment text. */
    Optional<String> doc();

    /** Where the name is. */
    SourceSpan span();

    /** {@code struct}, {@code enum} or {@code protocol}, for messages. */
    String kind();
}
