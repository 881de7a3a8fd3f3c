package dev.ipcgen.idl.schema;

import dev.ipcgen.idl.diag.SourceSpan;
import java.util.Optional;

/** A struct or enum declared in a schema file. Names are global within a schema set. */
public sealed interface UserType permits StructType, EnumType {
    /** The name as declared. */
    String name();

    /** The Java package of the declaring file. */
    String javaPackage();

    /** The doc comment text, without the {@code ///} markers. */
    Optional<String> doc();

    /** Where it is declared. */
    SourceSpan span();
}
