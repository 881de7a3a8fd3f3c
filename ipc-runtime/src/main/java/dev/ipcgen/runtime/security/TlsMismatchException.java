package dev.ipcgen.runtime.security;

import io.netty.handler.codec.DecoderException;

/**
 * One end of a connection speaks TLS and the other plaintext. Raised by {@link TlsMismatchGuard}
 * from the peer's first bytes, before the mismatch can turn into a confusing handshake or framing
 * error, or a wait for a handshake timeout.
 */
public final class TlsMismatchException extends DecoderException {
    private static final long serialVersionUID = 1L;

    /** A mismatch described by {@code message}. */
    public TlsMismatchException(String message) {
        super(message);
    }
}
