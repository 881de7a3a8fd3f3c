package dev.ipcgen.idl.ast;

import dev.ipcgen.idl.diag.SourceSpan;
import java.util.List;

/**
 * {@code package a.b.c;}.
 *
 * @param segments the dotted parts as written
 * @param span where the first segment is
 */
public record PackageDecl(List<String> segments, SourceSpan span) {
    /** Copies the list. */
    public PackageDecl {
        segments = List.copyOf(segments);
    }

    /** The name as written, {@code a.b.c}. */
    public String name() {
        return String.join(".", segments);
    }
}
