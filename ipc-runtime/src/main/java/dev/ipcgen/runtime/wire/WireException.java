package dev.ipcgen.runtime.wire;

import dev.ipcgen.runtime.ErrorCode;

/**
 * A connection-level failure found in the peer's bytes (wire-format.md section 1): the connection
 * answers {@code ERROR} with this code and call id 0, then closes.
 */
public final class WireException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /** @param message what was wrong, with the value seen and what was expected */
    public WireException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** {@link ErrorCode#PROTOCOL_ERROR} or {@link ErrorCode#FRAME_TOO_LARGE}. */
    public ErrorCode code() {
        return code;
    }
}
