package dev.ipcgen.runtime.codec;

/** The bytes are not a valid body encoding. The message says what was wrong and where. */
public final class DecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong, with the offending value and what was expected */
    public DecodeException(String message) {
        super(message);
    }
}
