package dev.ipcgen.runtime;

import java.util.Objects;

/**
 * A call, connection or server failed. Futures of calls complete exceptionally with this type.
 * The message says what happened, to which call, with which peer, e.g.
 * {@code app_protocol.get_user on unix:/tmp/x.sock failed: HANDLER_ERROR (4): boom}.
 */
public final class IpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final long codeValue;
    private final String callName;
    private final String peer;
    private final String detail;

    private IpcException(ErrorCode code, long codeValue, String callName, String peer, String detail,
            String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.codeValue = codeValue;
        this.callName = callName;
        this.peer = peer;
        this.detail = detail;
    }

    /**
     * A call failed.
     *
     * @param callName e.g. {@code app_protocol.get_user}
     * @param peer the peer's description, e.g. {@code unix:/tmp/x.sock}
     * @param detail what happened, e.g. the callee's error message
     */
    public static IpcException callFailed(ErrorCode code, String callName, String peer, String detail) {
        return callFailed(code, code.value(), callName, peer, detail);
    }

    /** A call failed with a wire code, possibly one this runtime does not know. */
    public static IpcException callFailed(ErrorCode code, long codeValue, String callName, String peer, String detail) {
        Objects.requireNonNull(code, "code");
        String message = callName + " on " + peer + " failed: " + describeCode(code, codeValue) + ": " + detail;
        return new IpcException(code, codeValue, callName, peer, detail, message, null);
    }

    /** A failure that is not about one call (connecting, listening, a connection closing). */
    public static IpcException of(ErrorCode code, String peer, String message, Throwable cause) {
        return new IpcException(code, code.value(), null, peer, message, message, cause);
    }

    /** The code; {@link ErrorCode#UNRECOGNIZED} for a wire code this runtime does not know. */
    public ErrorCode code() {
        return code;
    }

    /** The numeric code as received (or {@code code().value()} for local codes). */
    public long codeValue() {
        return codeValue;
    }

    /** The failed call, e.g. {@code app_protocol.get_user}, or {@code null} if not about one call. */
    public String callName() {
        return callName;
    }

    /** The peer or endpoint involved. */
    public String peer() {
        return peer;
    }

    /** What happened, without the call and peer (e.g. the handler's message). */
    public String detail() {
        return detail;
    }

    /** {@code HANDLER_ERROR (4)}, {@code code 42}, or {@code CONNECTION_CLOSED} for local codes. */
    static String describeCode(ErrorCode code, long value) {
        if (code == ErrorCode.UNRECOGNIZED) {
            return "code " + value;
        }
        return code.isLocal() ? code.name() : code.name() + " (" + value + ")";
    }
}
