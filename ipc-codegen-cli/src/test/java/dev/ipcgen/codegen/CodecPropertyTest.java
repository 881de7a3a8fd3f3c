package dev.ipcgen.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ipcgen.idl.schema.NamedTypeRef;
import dev.ipcgen.runtime.codec.Codec;
import dev.ipcgen.runtime.codec.DecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded random tests of the codecs generated from vectors.ipc and std.ipc. The seed is printed and
 * is part of every failure's description; rerun one with {@code -Dipcgen.seed=N}.
 */
class CodecPropertyTest {

    private static final long SEED = Long.getLong("ipcgen.seed", System.nanoTime());
    private static final int VALUES_PER_TYPE = 60;
    private static final int INPUTS_PER_TYPE = 60;

    private static VectorTypes types;

    @BeforeAll
    static void compile() {
        System.out.println("CodecPropertyTest seed: " + SEED + " (rerun with -Dipcgen.seed=" + SEED + ")");
        types = VectorTypes.get();
    }

    @Test
    void randomValuesOfEveryType_roundTrip() {
        Random r = new Random(SEED);
        int checked = 0;
        for (String name : types.typeNames()) {
            Codec<Object> codec = types.codec(name);
            for (int i = 0; i < VALUES_PER_TYPE; i++) {
                Object value = types.random(new NamedTypeRef(name), r, 0);
                String where = "seed " + SEED + ", " + name + " #" + i + ": " + value;
                byte[] bytes = encode(codec, value);
                ByteBuf in = Unpooled.wrappedBuffer(bytes);
                try {
                    Object decoded = codec.decode(in);
                    assertThat(in.readableBytes()).as(where + ": bytes left").isZero();
                    assertThat(decoded).as(where).isEqualTo(value);
                    assertThat(encode(codec, decoded)).as(where + ": re-encoded").isEqualTo(bytes);
                } finally {
                    in.release();
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(types.typeNames().size() * VALUES_PER_TYPE);
    }

    @Test
    void randomAndMutatedBytes_decodeOrFailWithDecodeExceptionOnly() {
        Random r = new Random(SEED + 1);
        int failures = 0;
        int successes = 0;
        for (String name : types.typeNames()) {
            Codec<Object> codec = types.codec(name);
            for (int i = 0; i < INPUTS_PER_TYPE; i++) {
                byte[] input = i % 2 == 0 ? randomBytes(r) : mutated(encode(codec, types.random(new NamedTypeRef(name), r, 0)), r);
                String where = "seed " + SEED + ", " + name + " #" + i + ": " + ByteBufUtil.hexDump(input);
                ByteBuf in = Unpooled.wrappedBuffer(input);
                try {
                    Object decoded = codec.decode(in);
                    successes++;
                    // What decodes is a valid value: it encodes, and its encoding decodes to it again.
                    byte[] again = encode(codec, decoded);
                    ByteBuf in2 = Unpooled.wrappedBuffer(again);
                    assertThat(codec.decode(in2)).as(where).isEqualTo(decoded);
                    in2.release();
                } catch (DecodeException expected) {
                    failures++;
                } catch (Throwable t) {
                    fail(where + ": " + t, t);
                } finally {
                    in.release();
                }
            }
        }
        assertThat(failures + successes).isEqualTo(types.typeNames().size() * INPUTS_PER_TYPE);
        assertThat(failures).as("seed %s: some inputs are invalid", SEED).isPositive();
    }

    /** Random bytes, biased to the lengths, tags and indexes a decoder reads first. */
    private static byte[] randomBytes(Random r) {
        byte[] b = new byte[r.nextInt(40)];
        r.nextBytes(b);
        if (b.length > 0 && r.nextBoolean()) {
            b[0] = (byte) r.nextInt(3);
        }
        return b;
    }

    /** A valid encoding with one to three bytes changed, or cut short, or with a huge length. */
    private static byte[] mutated(byte[] valid, Random r) {
        if (valid.length == 0) {
            return randomBytes(r);
        }
        byte[] b = valid.clone();
        switch (r.nextInt(4)) {
            case 0 -> {
                return java.util.Arrays.copyOf(b, r.nextInt(b.length));
            }
            case 1 -> {
                int at = r.nextInt(b.length);
                for (int k = at; k < Math.min(b.length, at + 8); k++) {
                    b[k] = (byte) 0xFF;
                }
            }
            default -> {
                for (int k = 1 + r.nextInt(3); k > 0; k--) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
            }
        }
        return b;
    }

    private static byte[] encode(Codec<Object> codec, Object value) {
        ByteBuf out = Unpooled.buffer();
        try {
            codec.encode(out, value);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }
}
