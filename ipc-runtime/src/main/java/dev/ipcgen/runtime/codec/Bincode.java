package dev.ipcgen.runtime.codec;

import dev.ipcgen.runtime.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The primitives of the body encoding (bincode 1.x legacy: fixed-width little-endian integers,
 * u64 lengths), over Netty buffers. Generated codecs are made of calls to these.
 *
 * <p>Writers that take a {@code field} name use it only in the message of an
 * {@link EncodeException}; readers check every length against the bytes left before allocating.
 */
public final class Bincode {

    private Bincode() {
    }

    // ---- writing -------------------------------------------------------------------------

    /** Writes a bool as one byte, 0 or 1. */
    public static void writeBool(ByteBuf out, boolean value) {
        out.writeByte(value ? 1 : 0);
    }

    /** Writes a u8 held in an int; refuses values outside 0..255. */
    public static void writeU8(ByteBuf out, int value, String field) {
        if ((value & ~0xFF) != 0) {
            throw outOfRange(field, Integer.toString(value), "u8", "0..255");
        }
        out.writeByte(value);
    }

    /** Writes a u16 held in an int; refuses values outside 0..65535. */
    public static void writeU16(ByteBuf out, int value, String field) {
        if ((value & ~0xFFFF) != 0) {
            throw outOfRange(field, Integer.toString(value), "u16", "0..65535");
        }
        out.writeShortLE(value);
    }

    /** Writes a u32 held in a long; refuses values outside 0..4294967295. */
    public static void writeU32(ByteBuf out, long value, String field) {
        if ((value & ~0xFFFF_FFFFL) != 0) {
            throw outOfRange(field, Long.toString(value), "u32", "0..4294967295");
        }
        out.writeIntLE((int) value);
    }

    /** Writes a u64 (its 64 bits, as Rust does) or an i64. */
    public static void writeU64(ByteBuf out, long value) {
        out.writeLongLE(value);
    }

    /** Writes an i8. */
    public static void writeI8(ByteBuf out, byte value) {
        out.writeByte(value);
    }

    /** Writes an i16, little-endian. */
    public static void writeI16(ByteBuf out, short value) {
        out.writeShortLE(value);
    }

    /** Writes an i32, little-endian. */
    public static void writeI32(ByteBuf out, int value) {
        out.writeIntLE(value);
    }

    /** Writes an i64, little-endian. */
    public static void writeI64(ByteBuf out, long value) {
        out.writeLongLE(value);
    }

    /** Writes an f32 as its IEEE 754 bits, little-endian. */
    public static void writeF32(ByteBuf out, float value) {
        out.writeIntLE(Float.floatToRawIntBits(value));
    }

    /** Writes an f64 as its IEEE 754 bits, little-endian. */
    public static void writeF64(ByteBuf out, double value) {
        out.writeLongLE(Double.doubleToRawLongBits(value));
    }

    /** Writes a char (a Unicode scalar value) as its 1 to 4 UTF-8 bytes. */
    public static void writeChar(ByteBuf out, int codePoint, String field) {
        if (codePoint < 0 || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            throw outOfRange(field, "U+" + Integer.toHexString(codePoint).toUpperCase(java.util.Locale.ROOT),
                    "char", "a Unicode scalar value (U+0000..U+10FFFF, no surrogates)");
        }
        if (codePoint < 0x80) {
            out.writeByte(codePoint);
        } else if (codePoint < 0x800) {
            out.writeByte(0xC0 | (codePoint >> 6));
            out.writeByte(0x80 | (codePoint & 0x3F));
        } else if (codePoint < 0x10000) {
            out.writeByte(0xE0 | (codePoint >> 12));
            out.writeByte(0x80 | ((codePoint >> 6) & 0x3F));
            out.writeByte(0x80 | (codePoint & 0x3F));
        } else {
            out.writeByte(0xF0 | (codePoint >> 18));
            out.writeByte(0x80 | ((codePoint >> 12) & 0x3F));
            out.writeByte(0x80 | ((codePoint >> 6) & 0x3F));
            out.writeByte(0x80 | (codePoint & 0x3F));
        }
    }

    /** Writes a String: u64 byte length, then its UTF-8 bytes, straight into {@code out}. */
    public static void writeString(ByteBuf out, String value) {
        int utf8Length = ByteBufUtil.utf8Bytes(value);
        out.writeLongLE(utf8Length);
        ByteBufUtil.reserveAndWriteUtf8(out, value, utf8Length);
    }

    /** Writes Bytes: u64 length, then the bytes. */
    public static void writeBytes(ByteBuf out, Bytes value) {
        out.writeLongLE(value.length());
        value.writeTo(out);
    }

    /** Writes a length or count as u64. */
    public static void writeLength(ByteBuf out, int length) {
        out.writeLongLE(length);
    }

    /** Writes an enum's u32 variant index. */
    public static void writeVariant(ByteBuf out, int index) {
        out.writeIntLE(index);
    }

    /**
     * Writes a Vec: u64 count, then each element. A {@link RandomAccess} list (what generated
     * records hold) is walked by index, allocating nothing; any other by its iterator.
     */
    public static <T> void writeList(ByteBuf out, List<T> list, Codec<T> element) {
        int n = list.size();
        out.writeLongLE(n);
        if (list instanceof RandomAccess) {
            for (int i = 0; i < n; i++) {
                element.encode(out, list.get(i));
            }
        } else {
            for (T e : list) {
                element.encode(out, e);
            }
        }
    }

    /** Writes an Option: 0, or 1 and the value. */
    public static <T> void writeOption(ByteBuf out, Optional<T> option, Codec<T> inner) {
        if (option.isPresent()) {
            out.writeByte(1);
            inner.encode(out, option.get());
        } else {
            out.writeByte(0);
        }
    }

    /**
     * Writes a HashMap: u64 count, then key, value pairs in the map's iteration order. An
     * {@link OrderedMap} (what generated records hold) is walked by position, allocating nothing.
     */
    public static <K, V> void writeMap(ByteBuf out, Map<K, V> map, Codec<K> key, Codec<V> value) {
        if (map instanceof OrderedMap<K, V> ordered) {
            int n = ordered.size();
            out.writeLongLE(n);
            for (int i = 0; i < n; i++) {
                key.encode(out, ordered.keyAt(i));
                value.encode(out, ordered.valueAt(i));
            }
            return;
        }
        out.writeLongLE(map.size());
        for (Map.Entry<K, V> e : map.entrySet()) {
            key.encode(out, e.getKey());
            value.encode(out, e.getValue());
        }
    }

    private static EncodeException outOfRange(String field, String value, String type, String range) {
        return new EncodeException(
                "field '" + field + "': " + value + " is out of range for " + type + " (expected " + range + ")");
    }

    // ---- reading -------------------------------------------------------------------------

    /** Reads a bool; a byte other than 0 or 1 is an error. */
    public static boolean readBool(ByteBuf in) {
        need(in, 1, "bool");
        byte b = in.readByte();
        if (b == 0) {
            return false;
        }
        if (b == 1) {
            return true;
        }
        throw new DecodeException("invalid bool " + (b & 0xFF) + " (expected: 0 or 1)");
    }

    /** Reads a u8 into an int. */
    public static int readU8(ByteBuf in) {
        need(in, 1, "u8");
        return in.readUnsignedByte();
    }

    /** Reads a u16 into an int. */
    public static int readU16(ByteBuf in) {
        need(in, 2, "u16");
        return in.readUnsignedShortLE();
    }

    /** Reads a u32 into a long. */
    public static long readU32(ByteBuf in) {
        need(in, 4, "u32");
        return in.readUnsignedIntLE();
    }

    /** Reads a u64 as its 64 bits. */
    public static long readU64(ByteBuf in) {
        need(in, 8, "u64");
        return in.readLongLE();
    }

    /** Reads an i8. */
    public static byte readI8(ByteBuf in) {
        need(in, 1, "i8");
        return in.readByte();
    }

    /** Reads an i16. */
    public static short readI16(ByteBuf in) {
        need(in, 2, "i16");
        return in.readShortLE();
    }

    /** Reads an i32. */
    public static int readI32(ByteBuf in) {
        need(in, 4, "i32");
        return in.readIntLE();
    }

    /** Reads an i64. */
    public static long readI64(ByteBuf in) {
        need(in, 8, "i64");
        return in.readLongLE();
    }

    /** Reads an f32. */
    public static float readF32(ByteBuf in) {
        need(in, 4, "f32");
        return Float.intBitsToFloat(in.readIntLE());
    }

    /** Reads an f64. */
    public static double readF64(ByteBuf in) {
        need(in, 8, "f64");
        return Double.longBitsToDouble(in.readLongLE());
    }

    /** Reads a char: one UTF-8 encoded Unicode scalar value, returned as a code point. */
    public static int readChar(ByteBuf in) {
        need(in, 1, "char");
        int b0 = in.readUnsignedByte();
        if (b0 < 0x80) {
            return b0;
        }
        int extra;
        int cp;
        int min;
        if ((b0 & 0xE0) == 0xC0) {
            extra = 1;
            cp = b0 & 0x1F;
            min = 0x80;
        } else if ((b0 & 0xF0) == 0xE0) {
            extra = 2;
            cp = b0 & 0x0F;
            min = 0x800;
        } else if ((b0 & 0xF8) == 0xF0) {
            extra = 3;
            cp = b0 & 0x07;
            min = 0x10000;
        } else {
            throw new DecodeException("invalid char: byte 0x" + Integer.toHexString(b0) + " cannot start UTF-8");
        }
        need(in, extra, "char");
        for (int i = 0; i < extra; i++) {
            int b = in.readUnsignedByte();
            if ((b & 0xC0) != 0x80) {
                throw new DecodeException("invalid char: byte 0x" + Integer.toHexString(b) + " is not a UTF-8 continuation");
            }
            cp = (cp << 6) | (b & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw new DecodeException("invalid char: U+" + Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT)
                    + " is not a Unicode scalar value in its shortest form");
        }
        return cp;
    }

    /** Reads a String; its length must fit in the bytes left and its bytes must be valid UTF-8. */
    public static String readString(ByteBuf in) {
        int length = readLength(in, 1, "String");
        int start = in.readerIndex();
        String s;
        if (isAscii(in, start, length)) {
            s = in.toString(start, length, StandardCharsets.US_ASCII);
        } else {
            try {
                s = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(in.nioBuffer(start, length))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new DecodeException("invalid UTF-8 in a String of " + length + " bytes");
            }
        }
        in.skipBytes(length);
        return s;
    }

    private static boolean isAscii(ByteBuf in, int start, int length) {
        return in.forEachByte(start, length, b -> b >= 0) == -1;
    }

    /** Reads Bytes: u64 length, then that many bytes, copied into an immutable value. */
    public static Bytes readBytes(ByteBuf in) {
        int length = readLength(in, 1, "Bytes");
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return Bytes.wrapUnsafe(bytes);
    }

    /**
     * Reads a u64 count and checks that {@code count * minElementSize} bytes are left.
     *
     * @param minElementSize the smallest encoding of one element; 0 skips the check (elements
     *     that encode to zero bytes)
     * @param what the type being read, for the message
     */
    public static int readLength(ByteBuf in, int minElementSize, String what) {
        need(in, 8, what, " length");
        long n = in.readLongLE();
        long left = in.readableBytes();
        if (n < 0 || (minElementSize > 0 && n > left / minElementSize)) {
            throw new DecodeException(what + " length " + Long.toUnsignedString(n) + " exceeds the "
                    + left + " bytes left");
        }
        if (n > Integer.MAX_VALUE) {
            throw new DecodeException(what + " length " + n + " is too large");
        }
        return (int) n;
    }

    /** Reads an enum's u32 variant index and checks it against the number of variants. */
    public static int readVariant(ByteBuf in, int variantCount, String enumName) {
        need(in, 4, enumName, " variant index");
        long index = in.readUnsignedIntLE();
        if (index >= variantCount) {
            throw new DecodeException("invalid variant index " + index + " for " + enumName
                    + " (expected: 0.." + (variantCount - 1) + ")");
        }
        return (int) index;
    }

    /**
     * Reads a Vec into an {@link ImmutableList}. A decode error's path names the element:
     * {@code [2]}.
     */
    public static <T> ImmutableList<T> readList(ByteBuf in, Codec<T> element, int minElementSize) {
        int n = readLength(in, minElementSize, "Vec");
        if (n == 0) {
            return ImmutableList.of();
        }
        // Elements of zero bytes pass readLength in any number: grow as they arrive.
        Object[] elements = new Object[Math.min(n, 1 << 16)];
        for (int i = 0; i < n; i++) {
            if (i == elements.length) {
                elements = Arrays.copyOf(elements, (int) Math.min(n, 2L * i));
            }
            try {
                elements[i] = element.decode(in);
            } catch (DecodeException e) {
                throw e.within("[" + i + "]");
            }
        }
        return ImmutableList.adopt(elements, n);
    }

    /** Reads an Option. */
    public static <T> Optional<T> readOption(ByteBuf in, Codec<T> inner) {
        need(in, 1, "Option tag");
        byte tag = in.readByte();
        if (tag == 0) {
            return Optional.empty();
        }
        if (tag == 1) {
            return Optional.of(inner.decode(in));
        }
        throw new DecodeException("invalid Option tag " + (tag & 0xFF) + " (expected: 0 or 1)");
    }

    /**
     * Reads a HashMap into an {@link OrderedMap} in wire order; a repeated key keeps its first
     * place and its last value (serde keeps the last value). A decode error's path names the entry
     * and its part: {@code [2].key} or {@code [2].value}.
     */
    public static <K, V> OrderedMap<K, V> readMap(ByteBuf in, Codec<K> key, Codec<V> value, int minEntrySize) {
        int n = readLength(in, minEntrySize, "HashMap");
        if (n == 0) {
            return OrderedMap.of();
        }
        // Entries of zero bytes pass readLength in any number: grow as they arrive.
        Object[] keys = new Object[Math.min(n, 1 << 16)];
        Object[] values = new Object[keys.length];
        for (int i = 0; i < n; i++) {
            if (i == keys.length) {
                int capacity = (int) Math.min(n, 2L * i);
                keys = Arrays.copyOf(keys, capacity);
                values = Arrays.copyOf(values, capacity);
            }
            try {
                keys[i] = key.decode(in);
            } catch (DecodeException e) {
                throw e.within("key").within("[" + i + "]");
            }
            try {
                values[i] = value.decode(in);
            } catch (DecodeException e) {
                throw e.within("value").within("[" + i + "]");
            }
        }
        return OrderedMap.adopt(keys, values, n);
    }

    private static void need(ByteBuf in, int bytes, String what) {
        need(in, bytes, what, "");
    }

    /** {@code what + suffix} names the value, joined only when it is missing: reading allocates nothing. */
    private static void need(ByteBuf in, int bytes, String what, String suffix) {
        if (in.readableBytes() < bytes) {
            throw new DecodeException("unexpected end of body reading " + what + suffix + " (needed " + bytes
                    + " bytes, " + in.readableBytes() + " left)");
        }
    }
}
