package dev.ipcgen.idl.ast;

import dev.ipcgen.idl.diag.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * A message of a protocol.
 *
 * @param request the request fields (empty when none were written)
 * @param response present when the message has {@code ->}
 */
public record MessageDecl(String name, List<FieldDecl> request, Optional<List<FieldDecl>> response,
        Optional<String> doc, SourceSpan span) {
    /** Copies the lists. */
    public MessageDecl {
        request = List.copyOf(request);
        response = response.map(List::copyOf);
    }
}
