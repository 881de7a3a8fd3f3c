package dev.ipcgen.runtime.codec;

/**
 * The bytes are not a valid body encoding. The message says what was wrong and, where generated
 * code added it, in which field: {@code order.items[2].sku: invalid UTF-8 in a String of 3 bytes}.
 */
public final class DecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String reason;

    /** @param reason what was wrong, with the offending value and what was expected */
    public DecodeException(String reason) {
        this("", reason);
    }

    private DecodeException(String path, String reason) {
        super(path.isEmpty() ? reason : path + ": " + reason, null, false, false);
        this.path = path;
        this.reason = reason;
    }

    /**
     * The same failure one level further out: {@code within("items")} turns path {@code [2].sku}
     * into {@code items[2].sku}, and {@code within("[2]")} turns {@code sku} into {@code [2].sku}.
     * Generated codecs call it while the exception passes through a field or element.
     *
     * @param segment a field name or an element index in brackets
     */
    public DecodeException within(String segment) {
        if (path.isEmpty()) {
            return new DecodeException(segment, reason);
        }
        return new DecodeException(segment + (path.startsWith("[") ? "" : ".") + path, reason);
    }

    /** The field path, e.g. {@code order.items[2].sku}; empty when no field was named. */
    public String path() {
        return path;
    }

    /** What was wrong, without the path. */
    public String reason() {
        return reason;
    }
}
