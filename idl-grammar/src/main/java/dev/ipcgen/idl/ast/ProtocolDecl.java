package dev.ipcgen.idl.ast;

import dev.ipcgen.idl.diag.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * {@code protocol name version N { messages }}.
 *
 * @param version the version number as written (checked later: range, no leading zeros)
 * @param versionSpan where the number is
 */
public record ProtocolDecl(String name, String version, SourceSpan versionSpan, List<MessageDecl> messages,
        Optional<String> doc, SourceSpan span) implements Declaration {
    /** Copies the list. */
    public ProtocolDecl {
        messages = List.copyOf(messages);
    }

    @Override
    public String kind() {
        return "protocol";
    }
}
