package dev.ipcgen.runtime.security;

import com.sun.security.auth.module.UnixSystem;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.StringJoiner;

/**
 * Who is at the other end of a connection, as the kernel tells it: user id, group id and process
 * id. Unix domain sockets give the user and group, and the process where the OS tells it (epoll
 * on Linux; kqueue on macOS and the BSDs that report it); TCP gives nothing, which is
 * {@link #unknown()}.
 *
 * <p>The kernel reads these when the peer connected (or, for a client, when the server called
 * {@code listen}); a peer that changes user afterwards is still reported with the old ids.
 *
 * @param uid the peer's user id, if the transport can tell
 * @param gid the peer's primary group id, if the transport can tell
 * @param pid the peer's process id, if the transport can tell
 */
public record PeerCredentials(OptionalLong uid, OptionalLong gid, OptionalLong pid) {

    private static final PeerCredentials UNKNOWN =
            new PeerCredentials(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

    /** Checks that every known id is non-negative. */
    public PeerCredentials {
        requireId(uid, "uid");
        requireId(gid, "gid");
        requireId(pid, "pid");
    }

    /**
     * Credentials from raw ids, where {@code -1} means "not known".
     *
     * @throws IllegalArgumentException if an id is below {@code -1}
     */
    public static PeerCredentials of(long uid, long gid, long pid) {
        return new PeerCredentials(id(uid, "uid"), id(gid, "gid"), id(pid, "pid"));
    }

    /** Credentials the transport cannot tell, as on TCP. */
    public static PeerCredentials unknown() {
        return UNKNOWN;
    }

    /** This process's own user, primary group and process id. */
    public static PeerCredentials ofThisProcess() {
        UnixSystem self = new UnixSystem();
        return of(self.getUid(), self.getGid(), ProcessHandle.current().pid());
    }

    /** Whether the transport told the peer's user id (the field authorization rules mostly need). */
    public boolean isKnown() {
        return uid.isPresent();
    }

    /** E.g. {@code uid=1000 gid=1000 pid=4242}; unknown fields are left out, all unknown reads {@code unknown}. */
    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(" ");
        uid.ifPresent(v -> text.add("uid=" + v));
        gid.ifPresent(v -> text.add("gid=" + v));
        pid.ifPresent(v -> text.add("pid=" + v));
        return text.length() == 0 ? "unknown" : text.toString();
    }

    private static OptionalLong id(long value, String name) {
        if (value < -1) {
            throw new IllegalArgumentException(name + " " + value + " is invalid (expected -1 for unknown, or >= 0)");
        }
        return value == -1 ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static void requireId(OptionalLong value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isPresent() && value.getAsLong() < 0) {
            throw new IllegalArgumentException(name + " " + value.getAsLong() + " is invalid (expected >= 0)");
        }
    }
}
