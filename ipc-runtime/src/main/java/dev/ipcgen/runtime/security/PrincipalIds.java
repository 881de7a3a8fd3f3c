package dev.ipcgen.runtime.security;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;

/**
 * The numeric id behind a JDK {@link UserPrincipal} or {@link GroupPrincipal} of the default
 * (Unix) file system, which the JDK keeps but does not expose.
 *
 * <p>The JDK's Unix principals hash to their id and compare equal by id, and its lookup service
 * turns a decimal string without a passwd/group entry into the principal with that id. So the hash
 * is taken as the candidate id and kept only if the principal looked up by that number equals the
 * given one; anything else (another JDK, a user literally named with digits) gives {@code -1}.
 */
final class PrincipalIds {

    private PrincipalIds() {
    }

    /** The user id of {@code user}, or {@code -1} if it cannot be told for sure. */
    static long uidOf(UserPrincipal user) {
        long candidate = Integer.toUnsignedLong(user.hashCode());
        try {
            return lookup().lookupPrincipalByName(Long.toString(candidate)).equals(user) ? candidate : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The group id of {@code group}, or {@code -1} if it cannot be told for sure. */
    static long gidOf(GroupPrincipal group) {
        long candidate = Integer.toUnsignedLong(group.hashCode());
        try {
            return lookup().lookupPrincipalByGroupName(Long.toString(candidate)).equals(group) ? candidate : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static UserPrincipalLookupService lookup() {
        return FileSystems.getDefault().getUserPrincipalLookupService();
    }
}
