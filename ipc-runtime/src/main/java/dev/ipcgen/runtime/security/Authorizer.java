package dev.ipcgen.runtime.security;

import java.util.Objects;

/**
 * Decides whether an accepted connection may proceed. The runtime asks once per connection, on the
 * connection's event loop, after reading the peer's credentials and (for TLS) completing the
 * handshake, and before it sends its HELLO or reads any frame. A denial is answered with
 * {@code ERROR UNAUTHORIZED} (code 11) instead of HELLO, and the connection is closed.
 *
 * <p>Implementations must be quick and must not block: they run on an I/O thread. One that throws
 * counts as a denial.
 *
 * @see Authorizers for the built-in rules
 */
@FunctionalInterface
public interface Authorizer {

    /** Allows or denies the connection described by {@code request}. */
    AuthorizationDecision decide(AuthorizationRequest request);

    /**
     * Allows only what both this and {@code other} allow; the first denial (this one's first) is
     * the answer, and {@code other} is not asked once this one denies.
     */
    default Authorizer and(Authorizer other) {
        Objects.requireNonNull(other, "other");
        return request -> {
            AuthorizationDecision first = decide(request);
            return first.allowed() ? other.decide(request) : first;
        };
    }

    /**
     * Allows what either this or {@code other} allows; {@code other} is asked only when this one
     * denies, and a double denial gives both reasons.
     */
    default Authorizer or(Authorizer other) {
        Objects.requireNonNull(other, "other");
        return request -> {
            AuthorizationDecision first = decide(request);
            if (first.allowed()) {
                return first;
            }
            AuthorizationDecision second = other.decide(request);
            return second.allowed() ? second : AuthorizationDecision.deny(first.reason() + "; and " + second.reason());
        };
    }
}
