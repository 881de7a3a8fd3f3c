package dev.ipcgen.runtime;

import java.util.Objects;

/**
 * An interceptor's refusal of a call: the error the caller gets. A server interceptor's rejection
 * is answered as an ERROR frame with this code and message; a client interceptor's fails the call
 * locally with them, and nothing is sent.
 *
 * @param code a wire code ({@link ErrorCode#isLocal()} is false), e.g. {@link ErrorCode#UNAUTHORIZED}
 * @param message what the caller reads as {@link IpcException#detail()}
 */
public record Rejection(ErrorCode code, String message) {

    /** Checks the code is one that can cross the wire. */
    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (code.isLocal() || code == ErrorCode.UNRECOGNIZED) {
            throw new IllegalArgumentException("a rejection needs a wire code, not " + code);
        }
    }

    /** A rejection with {@code code} and {@code message}. */
    public static Rejection of(ErrorCode code, String message) {
        return new Rejection(code, message);
    }
}
