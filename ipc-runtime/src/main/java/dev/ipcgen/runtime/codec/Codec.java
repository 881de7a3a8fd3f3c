package dev.ipcgen.runtime.codec;

import io.netty.buffer.ByteBuf;

/**
 * Writes and reads one type in the body encoding (bincode 1.x, wire-format.md section 6).
 *
 * <p>Generated code has one codec per struct, enum, request and response; the runtime calls them
 * with the frame buffer itself, so a body is encoded in place and decoded without a copy.
 *
 * @param <T> the Java type
 */
public interface Codec<T> {

    /**
     * Appends {@code value} to {@code out}.
     *
     * @throws EncodeException if a value cannot be encoded (an out-of-range integer, say)
     */
    void encode(ByteBuf out, T value);

    /**
     * Reads one value from {@code in}, advancing its reader index.
     *
     * @throws DecodeException if the bytes are not a valid encoding
     */
    T decode(ByteBuf in);
}
