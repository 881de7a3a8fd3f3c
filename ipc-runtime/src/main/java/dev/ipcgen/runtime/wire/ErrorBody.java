package dev.ipcgen.runtime.wire;

import dev.ipcgen.runtime.ErrorCode;
import dev.ipcgen.runtime.codec.Bincode;
import dev.ipcgen.runtime.codec.DecodeException;
import io.netty.buffer.ByteBuf;

/**
 * The body of an {@code ERROR} frame.
 *
 * @param code the wire code (u32), possibly one this runtime does not know
 * @param message what happened
 */
public record ErrorBody(long code, String message) {

    /**
     * Reads an ERROR body.
     *
     * @throws WireException ({@code PROTOCOL_ERROR}) if it does not decode
     */
    public static ErrorBody decode(ByteBuf body) {
        try {
            return new ErrorBody(Bincode.readU32(body), Bincode.readString(body));
        } catch (DecodeException e) {
            throw new WireException(ErrorCode.PROTOCOL_ERROR, "ERROR does not decode: " + e.getMessage());
        }
    }
}
