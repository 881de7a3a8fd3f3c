package dev.ipcgen.runtime.security;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import javax.security.auth.x500.X500Principal;

/**
 * Built-in {@link Authorizer}s. Combine them with {@link Authorizer#and} and {@link Authorizer#or},
 * e.g. {@code Authorizers.sameUser().or(Authorizers.gidIn(Set.of(1001L)))}.
 *
 * <p>The rules on user and group ids deny a peer whose transport cannot tell them (TCP), saying so;
 * authorize TCP peers with TLS client certificates ({@link #tlsSubjectIn}) instead.
 */
public final class Authorizers {

    private static final Authorizer ALLOW_ALL = request -> AuthorizationDecision.allow();

    private Authorizers() {
    }

    /** Allows every connection: the default, for sockets protected by their file mode alone. */
    public static Authorizer allowAll() {
        return ALLOW_ALL;
    }

    /** Allows peers running as the same user as this process. */
    public static Authorizer sameUser() {
        long self = PeerCredentials.ofThisProcess().uid().orElseThrow();
        return idRule("uid", PeerCredentials::uid, uid -> uid == self,
                uid -> "peer uid " + uid + " is not this server's uid " + self);
    }

    /**
     * Allows peers whose user id is one of {@code uids}.
     *
     * @throws IllegalArgumentException if {@code uids} is empty (which would deny everyone)
     */
    public static Authorizer uidIn(Set<Long> uids) {
        Set<Long> allowed = nonEmptyCopy(uids, "uidIn");
        return idRule("uid", PeerCredentials::uid, allowed::contains, uid -> "peer uid " + uid + " is not allowed");
    }

    /**
     * Allows peers whose primary group id is one of {@code gids}.
     *
     * @throws IllegalArgumentException if {@code gids} is empty (which would deny everyone)
     */
    public static Authorizer gidIn(Set<Long> gids) {
        Set<Long> allowed = nonEmptyCopy(gids, "gidIn");
        return idRule("gid", PeerCredentials::gid, allowed::contains, gid -> "peer gid " + gid + " is not allowed");
    }

    /**
     * Allows TLS peers whose certificate subject is one of {@code subjects}, compared as X.500
     * names (so {@code CN=a, O=b} matches {@code cn=a,o=b}). Peers without a certificate are denied.
     *
     * @param subjects distinguished names in RFC 2253 form, e.g. {@code CN=client,O=ipcgen}
     * @throws IllegalArgumentException if {@code subjects} is empty or a name does not parse
     */
    public static Authorizer tlsSubjectIn(Set<String> subjects) {
        Set<X500Principal> allowed = Set.copyOf(nonEmptyCopy(subjects, "tlsSubjectIn").stream()
                .map(Authorizers::parseName).toList());
        return request -> request.peerCertificate()
                .map(cert -> allowed.contains(cert.getSubjectX500Principal())
                        ? AuthorizationDecision.allow()
                        : AuthorizationDecision.deny("TLS subject " + cert.getSubjectX500Principal().getName()
                                + " is not allowed"))
                .orElseGet(() -> AuthorizationDecision.deny(
                        "the peer presented no TLS client certificate, and one is required"));
    }

    /**
     * Asks {@code authorizer} about {@code request}, turning an exception into a denial that names
     * it, so a faulty authorizer closes the connection rather than letting it through.
     */
    public static AuthorizationDecision decide(Authorizer authorizer, AuthorizationRequest request) {
        try {
            return Objects.requireNonNull(authorizer.decide(request), "the authorizer returned null");
        } catch (RuntimeException e) {
            return AuthorizationDecision.deny("the authorizer failed: " + e);
        }
    }

    private static Authorizer idRule(String field, Function<PeerCredentials, OptionalLong> id,
            LongPredicate allowed, LongFunction<String> denial) {
        return request -> {
            OptionalLong value = id.apply(request.credentials());
            if (value.isEmpty()) {
                return AuthorizationDecision.deny("the peer's " + field + " is unknown: its transport ("
                        + AbstractSocketNames.describe(request.remoteAddress()) + ") cannot tell who the peer is; use a Unix socket, "
                        + "or TLS client certificates");
            }
            long v = value.getAsLong();
            return allowed.test(v) ? AuthorizationDecision.allow() : AuthorizationDecision.deny(denial.apply(v));
        };
    }

    private static <T> Set<T> nonEmptyCopy(Set<T> values, String rule) {
        Objects.requireNonNull(values, rule);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(rule + " needs at least one value (an empty set would deny everyone)");
        }
        return Set.copyOf(values);
    }

    private static X500Principal parseName(String name) {
        try {
            return new X500Principal(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not an X.500 name such as CN=client,O=ipcgen: "
                    + e.getMessage(), e);
        }
    }
}
