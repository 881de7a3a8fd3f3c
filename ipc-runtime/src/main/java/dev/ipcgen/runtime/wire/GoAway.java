package dev.ipcgen.runtime.wire;

import dev.ipcgen.runtime.ErrorCode;
import dev.ipcgen.runtime.codec.Bincode;
import dev.ipcgen.runtime.codec.DecodeException;
import io.netty.buffer.ByteBuf;

/**
 * The body of a {@code GOAWAY} frame.
 *
 * @param reason why the sender stops starting calls
 */
public record GoAway(String reason) {

    /**
     * Reads a GOAWAY body.
     *
     * @throws WireException ({@code PROTOCOL_ERROR}) if it does not decode
     */
    public static GoAway decode(ByteBuf body) {
        try {
            return new GoAway(Bincode.readString(body));
        } catch (DecodeException e) {
            throw new WireException(ErrorCode.PROTOCOL_ERROR, "GOAWAY does not decode: " + e.getMessage());
        }
    }
}
