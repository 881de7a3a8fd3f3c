package dev.ipcgen.runtime.security;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The mode and group a server gives its Unix socket file after binding it. On Linux a client needs
 * write permission on the file to connect, so the default {@code 0600} admits only the server's
 * user (and root); {@code 0660} with a group admits that group's members too.
 *
 * @param permissions the file's permission bits
 * @param group the group to give the file, if any (the server's user must be a member, or root)
 */
public record SocketFileSettings(Set<PosixFilePermission> permissions, Optional<String> group) {

    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    /** Copies the permissions and checks the group name is not blank. */
    public SocketFileSettings {
        permissions = Set.copyOf(Objects.requireNonNull(permissions, "permissions"));
        Objects.requireNonNull(group, "group");
        if (group.isPresent() && group.get().isBlank()) {
            throw new IllegalArgumentException("socket file group is blank: give a group name, or none");
        }
    }

    /** Mode {@code 0600}, no group change: only the server's user may connect. */
    public static SocketFileSettings defaults() {
        return withMode("0600");
    }

    /**
     * Settings with {@code mode} and no group change.
     *
     * @param mode three or four octal digits such as {@code 0600}, {@code 660} or {@code 0666}
     * @throws IllegalArgumentException if {@code mode} is not such a mode
     */
    public static SocketFileSettings withMode(String mode) {
        return new SocketFileSettings(parseMode(mode), Optional.empty());
    }

    /** These settings, but giving the file to {@code groupName}. */
    public SocketFileSettings withGroup(String groupName) {
        return new SocketFileSettings(permissions, Optional.of(Objects.requireNonNull(groupName, "groupName")));
    }

    /** The permissions as four octal digits, e.g. {@code 0660}. */
    public String mode() {
        int bits = 0;
        for (int i = 0; i < BITS.length; i++) {
            if (permissions.contains(BITS[i])) {
                bits |= 1 << i;
            }
        }
        return String.format("0%03o", bits);
    }

    /**
     * The permissions of an octal mode string.
     *
     * @throws IllegalArgumentException if {@code mode} is not three or four octal digits, or sets
     *     the setuid, setgid or sticky bits (the leading digit of four must be 0)
     */
    public static Set<PosixFilePermission> parseMode(String mode) {
        Objects.requireNonNull(mode, "mode");
        if (!mode.matches("0?[0-7]{3}")) {
            throw new IllegalArgumentException("socket file mode '" + mode
                    + "' is invalid (expected 3 or 4 octal digits with no special bits, such as 0600 or 0660)");
        }
        int bits = Integer.parseInt(mode, 8);
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BITS.length; i++) {
            if ((bits & (1 << i)) != 0) {
                permissions.add(BITS[i]);
            }
        }
        return permissions;
    }

    @Override
    public String toString() {
        return "mode " + mode() + group.map(g -> ", group " + g).orElse("");
    }
}
