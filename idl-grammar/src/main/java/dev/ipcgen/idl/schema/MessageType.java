package dev.ipcgen.idl.schema;

import dev.ipcgen.idl.diag.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * A message of a protocol. {@code response} is empty for a one-way message, and present (maybe
 * with no fields) for request/response.
 */
public record MessageType(String name, int index, List<Field> request, Optional<List<Field>> response,
        Optional<String> doc, SourceSpan span) {
    /** Copies the lists. */
    public MessageType {
        request = List.copyOf(request);
        response = response.map(List::copyOf);
    }

    /** Whether the message has no {@code ->}. */
    public boolean isOneWay() {
        return response.isEmpty();
    }
}
