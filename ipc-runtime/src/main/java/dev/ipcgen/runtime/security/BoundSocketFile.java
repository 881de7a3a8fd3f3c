package dev.ipcgen.runtime.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * A socket file a server has bound, which it deletes when it closes or when the JVM exits (by a
 * shutdown hook), whichever comes first. It deletes the file only while it is still the one that
 * was bound (same file key, i.e. inode), so a server that closes late never removes the socket of
 * a newer server at the same path.
 */
public final class BoundSocketFile implements AutoCloseable {

    private final Path path;
    private final Object fileKey;
    private final Thread shutdownHook;
    private boolean closed;

    private BoundSocketFile(Path path, Object fileKey) {
        this.path = path;
        this.fileKey = fileKey;
        this.shutdownHook = new Thread(this::deleteIfOurs, "ipcgen-socket-file-cleanup " + path);
    }

    /**
     * Takes ownership of the socket file a server has just bound at {@code path}: applies
     * {@code settings} (mode and group) and registers the deletion at JVM exit.
     *
     * @throws IOException if the file is missing, is not a socket, or {@link SocketFiles#apply} fails
     */
    public static BoundSocketFile claim(Path path, SocketFileSettings settings) throws IOException {
        Objects.requireNonNull(path, "path");
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || !SocketFiles.isSocket(path)) {
            throw new IOException("expected a bound socket file at " + path);
        }
        SocketFiles.apply(path, settings);
        BoundSocketFile file = new BoundSocketFile(path, fileKey(path));
        Runtime.getRuntime().addShutdownHook(file.shutdownHook);
        return file;
    }

    /** The socket file's path. */
    public Path path() {
        return path;
    }

    /** Deletes the socket file (if it is still ours) and drops the shutdown hook. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException exiting) {
            // The JVM is already running hooks, ours included.
            return;
        }
        deleteIfOurs();
    }

    private void deleteIfOurs() {
        try {
            if (fileKey == null || fileKey.equals(fileKey(path))) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // Already gone, or not removable: at close or exit no one is left to tell, and the next
            // server's SocketFiles.removeStale copes with a leftover.
        }
    }

    private static Object fileKey(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    @Override
    public String toString() {
        return "socket file " + path;
    }
}
