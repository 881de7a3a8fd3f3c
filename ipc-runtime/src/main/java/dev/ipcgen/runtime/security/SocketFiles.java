package dev.ipcgen.runtime.security;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Objects;

/**
 * Operations on a Unix socket file: give it its mode and group after bind, and remove a stale one
 * (left by a server that died) before bind without removing one a live server is using.
 *
 * <p>Between {@code bind} creating the file (with the process umask) and {@link #apply} narrowing
 * its mode, another local user could connect; put the socket in a directory only the intended
 * users can enter (e.g. {@code 0750}) to close that window.
 */
public final class SocketFiles {

    /** {@code S_IFMT} and {@code S_IFSOCK} of {@code stat(2)}'s {@code st_mode}. */
    private static final int FILE_TYPE_MASK = 0170000;
    private static final int SOCKET_TYPE = 0140000;

    private SocketFiles() {
    }

    /**
     * Gives the bound socket file at {@code socketFile} the mode and group of {@code settings}.
     *
     * @throws IOException naming the file and what could not be done: it is not a socket, or a
     *     group that does not exist or that the server's user may not give files to
     */
    public static void apply(Path socketFile, SocketFileSettings settings) throws IOException {
        Objects.requireNonNull(socketFile, "socketFile");
        Objects.requireNonNull(settings, "settings");
        // Linux cannot chmod a socket through O_NOFOLLOW (ENXIO), so the view follows links; checking
        // first that the path itself is a socket keeps a planted symlink from redirecting the chmod.
        if (!Files.exists(socketFile, LinkOption.NOFOLLOW_LINKS) || !isSocket(socketFile)) {
            throw new IOException("cannot set mode " + settings.mode() + " on " + socketFile + ": not a socket");
        }
        PosixFileAttributeView view = Files.getFileAttributeView(socketFile, PosixFileAttributeView.class);
        if (view == null) {
            throw new IOException("cannot set the mode of socket file " + socketFile
                    + ": its file system has no POSIX permissions");
        }
        if (settings.group().isPresent()) {
            String name = settings.group().get();
            GroupPrincipal group;
            try {
                group = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByGroupName(name);
            } catch (UserPrincipalNotFoundException e) {
                throw new IOException("cannot give socket file " + socketFile + " to group '" + name
                        + "': no such group", e);
            }
            try {
                view.setGroup(group);
            } catch (IOException e) {
                throw new IOException("cannot give socket file " + socketFile + " to group '" + name
                        + "' (the server's user must be a member of it): " + e.getMessage(), e);
            }
        }
        try {
            view.setPermissions(settings.permissions());
        } catch (IOException e) {
            throw new IOException("cannot set mode " + settings.mode() + " on socket file " + socketFile + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Removes the socket file at {@code socketFile} if no server is listening on it, so that a new
     * server can bind there after one that died without cleaning up.
     *
     * @return whether a stale file was removed ({@code false} if there was none)
     * @throws SocketInUseException if a server is listening on it
     * @throws IOException if the path is something other than a socket (it is left alone), or if
     *     connecting to it fails other than by refusal
     */
    public static boolean removeStale(Path socketFile) throws IOException {
        Objects.requireNonNull(socketFile, "socketFile");
        if (!Files.exists(socketFile, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!isSocket(socketFile)) {
            throw new IOException(socketFile + " exists and is not a socket; refusing to replace it");
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socketFile));
        } catch (ConnectException refused) {
            // Nobody is listening: the file outlived its server.
            Files.deleteIfExists(socketFile);
            return true;
        } catch (IOException e) {
            throw new IOException("cannot tell whether another server is using socket file " + socketFile
                    + ": " + e.getMessage(), e);
        }
        throw new SocketInUseException(socketFile);
    }

    /** Whether {@code path} (not following links) is a socket. */
    public static boolean isSocket(Path path) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("unix")) {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return (mode & FILE_TYPE_MASK) == SOCKET_TYPE;
        }
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
    }
}
