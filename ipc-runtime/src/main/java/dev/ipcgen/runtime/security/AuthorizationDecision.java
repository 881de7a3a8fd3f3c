package dev.ipcgen.runtime.security;

import java.util.Objects;

/**
 * An {@link Authorizer}'s answer: allow the connection, or deny it with a reason. The reason is
 * sent to the peer in the {@code ERROR UNAUTHORIZED} frame and logged, so it should say what rule
 * the peer failed, in words the peer's operator can act on.
 *
 * @param allowed whether the connection may proceed
 * @param reason why it was denied; empty when allowed
 */
public record AuthorizationDecision(boolean allowed, String reason) {

    private static final AuthorizationDecision ALLOW = new AuthorizationDecision(true, "");

    /** Checks that a denial has a reason and an allowance has none. */
    public AuthorizationDecision {
        Objects.requireNonNull(reason, "reason");
        if (allowed != reason.isEmpty()) {
            throw new IllegalArgumentException(allowed
                    ? "an allowing decision has no reason (got '" + reason + "')"
                    : "a denial needs a reason");
        }
    }

    /** The connection may proceed. */
    public static AuthorizationDecision allow() {
        return ALLOW;
    }

    /**
     * The connection is refused.
     *
     * @param reason what rule the peer failed, e.g. {@code peer uid 1001 is not this server's uid 1000}
     * @throws IllegalArgumentException if the reason is blank
     */
    public static AuthorizationDecision deny(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a denial needs a reason");
        }
        return new AuthorizationDecision(false, reason);
    }

    @Override
    public String toString() {
        return allowed ? "allow" : "deny: " + reason;
    }
}
