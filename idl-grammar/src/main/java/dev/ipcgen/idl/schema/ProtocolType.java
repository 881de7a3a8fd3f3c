package dev.ipcgen.idl.schema;

import dev.ipcgen.idl.diag.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * A protocol with its wire identity: {@code id} is FNV-1a 32 of {@code name@version} and
 * {@code fingerprint} FNV-1a 64 of {@code canonicalText} (wire-format.md sections 3 and 4).
 */
public record ProtocolType(String name, long version, int id, long fingerprint, String canonicalText,
        String javaPackage, List<MessageType> messages, Optional<String> doc, SourceSpan span) {
    /** Copies the list. */
    public ProtocolType {
        messages = List.copyOf(messages);
    }

    /** {@code name@version}, the key of a protocol in a schema set. */
    public String key() {
        return name + "@" + version;
    }
}
