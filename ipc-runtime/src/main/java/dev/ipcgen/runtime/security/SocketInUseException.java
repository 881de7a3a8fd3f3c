package dev.ipcgen.runtime.security;

import java.io.IOException;
import java.nio.file.Path;

/** A socket file that {@link SocketFiles#removeStale} left alone because a server is listening on it. */
public final class SocketInUseException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path socketFile;

    /** The socket file at {@code socketFile} has a live server behind it. */
    public SocketInUseException(Path socketFile) {
        super("another server is listening on socket file " + socketFile);
        this.socketFile = socketFile;
    }

    /** The socket file in use. */
    public Path socketFile() {
        return socketFile;
    }
}
