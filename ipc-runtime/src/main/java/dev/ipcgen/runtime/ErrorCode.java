package dev.ipcgen.runtime;

/**
 * Why a call or connection failed. Codes with a positive {@link #value()} are the wire codes of
 * wire-format.md section 5; the others never cross the wire and describe what this end saw
 * locally ({@link #isLocal()}). A wire code this runtime does not know is {@link #UNRECOGNIZED};
 * {@link IpcException#codeValue()} keeps its number.
 */
public enum ErrorCode {
    /** The protocol id is not served. */
    UNKNOWN_PROTOCOL(1),
    /** The method index is out of range for the protocol. */
    UNKNOWN_METHOD(2),
    /** The body did not decode, or a REQUEST named a one-way message. */
    BAD_REQUEST(3),
    /** The handler threw or failed; the message is what it said. */
    HANDLER_ERROR(4),
    /** The call was cancelled. */
    CANCELLED(5),
    /** The timeout passed before a response. */
    DEADLINE_EXCEEDED(6),
    /** The endpoint is shutting down. */
    UNAVAILABLE(7),
    /** Too many calls in flight on the connection. */
    RESOURCE_EXHAUSTED(8),
    /** A connection-level failure; the connection is closed. */
    PROTOCOL_ERROR(9),
    /** A frame longer than the receiver accepts. */
    FRAME_TOO_LARGE(10),
    /** The peer's authorizer refused the connection. */
    UNAUTHORIZED(11),
    /** A wire code this runtime does not know; see {@link IpcException#codeValue()}. */
    UNRECOGNIZED(0),
    /** Local: the connection closed (or was closed) before the call finished. */
    CONNECTION_CLOSED(-1),
    /** Local: no connection could be made, or the peer's HELLO never came. */
    CONNECT_FAILED(-2),
    /** Local: a server could not listen on its endpoint. */
    LISTEN_FAILED(-3),
    /** Local: the peer's RESPONSE body did not decode as the method's response. */
    BAD_RESPONSE(-4);

    private static final ErrorCode[] BY_WIRE_VALUE = {
        UNRECOGNIZED, UNKNOWN_PROTOCOL, UNKNOWN_METHOD, BAD_REQUEST, HANDLER_ERROR, CANCELLED, DEADLINE_EXCEEDED,
        UNAVAILABLE, RESOURCE_EXHAUSTED, PROTOCOL_ERROR, FRAME_TOO_LARGE, UNAUTHORIZED,
    };

    private final int value;

    ErrorCode(int value) {
        this.value = value;
    }

    /** The number on the wire (1 to 11); 0 or negative for codes that never cross the wire. */
    public int value() {
        return value;
    }

    /** Whether this code describes a local condition and is never sent. */
    public boolean isLocal() {
        return value <= 0;
    }

    /** The code for a wire value; {@link #UNRECOGNIZED} if this runtime does not know it. */
    public static ErrorCode fromWire(long value) {
        return value > 0 && value < BY_WIRE_VALUE.length ? BY_WIRE_VALUE[(int) value] : UNRECOGNIZED;
    }
}
