package dev.ipcgen.runtime.codec;

import dev.ipcgen.runtime.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Codecs for the built-in types, boxed, for use as elements of {@code Vec}, {@code Option} and
 * {@code HashMap}. Struct and enum fields of primitive type are written through {@link Bincode}
 * directly, without boxing.
 */
public final class Codecs {

    private Codecs() {
    }

    /** {@code bool}. */
    public static final Codec<Boolean> BOOL = of(Bincode::writeBool, Bincode::readBool);
    /** {@code u8} in an Integer. */
    public static final Codec<Integer> U8 = of((o, v) -> Bincode.writeU8(o, v, "element"), Bincode::readU8);
    /** {@code u16} in an Integer. */
    public static final Codec<Integer> U16 = of((o, v) -> Bincode.writeU16(o, v, "element"), Bincode::readU16);
    /** {@code u32} in a Long. */
    public static final Codec<Long> U32 = of((o, v) -> Bincode.writeU32(o, v, "element"), Bincode::readU32);
    /** {@code u64} in a Long (the same 64 bits). */
    public static final Codec<Long> U64 = of(Bincode::writeU64, Bincode::readU64);
    /** {@code i8}. */
    public static final Codec<Byte> I8 = of(Bincode::writeI8, Bincode::readI8);
    /** {@code i16}. */
    public static final Codec<Short> I16 = of(Bincode::writeI16, Bincode::readI16);
    /** {@code i32}. */
    public static final Codec<Integer> I32 = of(Bincode::writeI32, Bincode::readI32);
    /** {@code i64}. */
    public static final Codec<Long> I64 = of(Bincode::writeI64, Bincode::readI64);
    /** {@code f32}. */
    public static final Codec<Float> F32 = of(Bincode::writeF32, Bincode::readF32);
    /** {@code f64}. */
    public static final Codec<Double> F64 = of(Bincode::writeF64, Bincode::readF64);
    /** {@code char} as a code point in an Integer. */
    public static final Codec<Integer> CHAR = of((o, v) -> Bincode.writeChar(o, v, "element"), Bincode::readChar);
    /** {@code String}. */
    public static final Codec<String> STRING = of(Bincode::writeString, Bincode::readString);
    /** {@code Bytes} and {@code Vec<u8>}. */
    public static final Codec<Bytes> BYTES = of(Bincode::writeBytes, Bincode::readBytes);

    /**
     * {@code Vec<T>}.
     *
     * @param minElementSize the smallest encoding of one element in bytes, for the length check
     */
    public static <T> Codec<List<T>> list(Codec<T> element, int minElementSize) {
        return of((o, v) -> Bincode.writeList(o, v, element), i -> Bincode.readList(i, element, minElementSize));
    }

    /** {@code Option<T>}. */
    public static <T> Codec<Optional<T>> option(Codec<T> inner) {
        return of((o, v) -> Bincode.writeOption(o, v, inner), i -> Bincode.readOption(i, inner));
    }

    /**
     * {@code HashMap<K, V>}.
     *
     * @param minEntrySize the smallest encoding of one key and value in bytes, for the length check
     */
    public static <K, V> Codec<Map<K, V>> map(Codec<K> key, Codec<V> value, int minEntrySize) {
        return of((o, v) -> Bincode.writeMap(o, v, key, value), i -> Bincode.readMap(i, key, value, minEntrySize));
    }

    /** Writes one value. */
    @FunctionalInterface
    public interface Writer<T> {
        /** Appends {@code value} to {@code out}. */
        void write(ByteBuf out, T value);
    }

    /** Reads one value. */
    @FunctionalInterface
    public interface Reader<T> {
        /** Reads a value from {@code in}. */
        T read(ByteBuf in);
    }

    /** A codec from a writer and a reader. */
    public static <T> Codec<T> of(Writer<T> writer, Reader<T> reader) {
        return new Codec<>() {
            @Override
            public void encode(ByteBuf out, T value) {
                writer.write(out, value);
            }

            @Override
            public T decode(ByteBuf in) {
                return reader.read(in);
            }
        };
    }
}
