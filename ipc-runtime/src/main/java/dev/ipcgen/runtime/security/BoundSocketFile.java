package dev.ipcgen.runtime.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * A socket file a server has bound, which it deletes when it closes or when the JVM exits (by a
 * shutdown hook), whichever comes first.
 *
 * <p>Close it while the server channel is still listening, then close the channel: as long as the
 * server listens, no other server's {@link SocketFiles#removeStale} removes the file, so the file
 * deleted is surely this server's. As a second guard it deletes only a file with the identity
 * (file key, i.e. device and inode, and modification time) it had when claimed, so a file someone
 * replaced by hand while the server ran is left to its new owner.
 */
public final class BoundSocketFile implements AutoCloseable {

    private final Path path;
    private final Identity identity;
    private final Thread shutdownHook;
    private boolean closed;

    private BoundSocketFile(Path path, Identity identity) {
        this.path = path;
        this.identity = identity;
        this.shutdownHook = new Thread(this::deleteIfOurs, "ipcgen-socket-file-cleanup " + path);
    }

    /**
     * Takes ownership of the socket file a server has just bound at {@code path}: applies
     * {@code settings} (mode and group) and registers the deletion at JVM exit.
     *
     * @throws IOException if {@link SocketFiles#apply} fails, e.g. because there is no socket at {@code path}
     */
    public static BoundSocketFile claim(Path path, SocketFileSettings settings) throws IOException {
        Objects.requireNonNull(path, "path");
        SocketFiles.apply(path, settings);
        BoundSocketFile file = new BoundSocketFile(path, Identity.of(path));
        Runtime.getRuntime().addShutdownHook(file.shutdownHook);
        return file;
    }

    /** The socket file's path. */
    public Path path() {
        return path;
    }

    /**
     * Deletes the socket file (if it is still the one claimed) and drops the shutdown hook; call it
     * before closing the server channel. Idempotent.
     */
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
            if (identity.equals(Identity.of(path))) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // Already gone, or not removable: at close or exit no one is left to tell, and the next
            // server's SocketFiles.removeStale copes with a leftover.
        }
    }

    /** What tells one socket file from a later one at the same path. */
    private record Identity(Object fileKey, FileTime modified) {
        static Identity of(Path path) throws IOException {
            BasicFileAttributes attributes =
                    Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new Identity(attributes.fileKey(), attributes.lastModifiedTime());
        }
    }

    @Override
    public String toString() {
        return "socket file " + path;
    }
}
