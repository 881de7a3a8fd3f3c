package dev.ipcgen.runtime.codec;

/** A value cannot be encoded, such as a {@code u8} field holding 300. */
public final class EncodeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what value, in which field, and what was expected */
    public EncodeException(String message) {
        super(message);
    }
}
