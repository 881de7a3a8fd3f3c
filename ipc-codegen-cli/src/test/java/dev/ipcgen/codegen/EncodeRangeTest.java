package dev.ipcgen.codegen;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipcgen.runtime.codec.EncodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Java types wider than the IDL's (u8 in an int, u32 in a long, char in an int) are checked when
 * encoding: the error names the field and the value, also for an element of a container.
 */
class EncodeRangeTest {

    private static VectorTypes types;

    @BeforeAll
    static void compile() {
        types = VectorTypes.get();
    }

    private static void assertRefused(String struct, Object fieldValue, String message) {
        Object value = types.fromJsonStruct(struct, fieldValue);
        ByteBuf out = Unpooled.buffer();
        try {
            assertThatThrownBy(() -> types.codec(struct).encode(out, value))
                    .isInstanceOf(EncodeException.class).hasMessage(message);
        } finally {
            out.release();
        }
    }

    @Test
    void outOfRangeFields_areRefusedNamingFieldAndValue() {
        assertRefused("OfU8", 300, "field 'OfU8.v': 300 is out of range for u8 (expected 0..255)");
        assertRefused("OfU16", -1, "field 'OfU16.v': -1 is out of range for u16 (expected 0..65535)");
        assertRefused("OfU32", 1L << 32, "field 'OfU32.v': 4294967296 is out of range for u32 (expected 0..4294967295)");
        assertRefused("OfChar", 0xD800, "field 'OfChar.v': U+D800 is out of range for char"
                + " (expected a Unicode scalar value (U+0000..U+10FFFF, no surrogates))");
    }

    @Test
    void outOfRangeElements_areRefusedNamingTheirField() {
        assertRefused("OfVecU16", List.of(1, 70000), "field 'OfVecU16.v': 70000 is out of range for u16 (expected 0..65535)");
        assertRefused("OfVecOptionU8", List.of(Optional.of(256)),
                "field 'OfVecOptionU8.v': 256 is out of range for u8 (expected 0..255)");
        assertRefused("OfOptionU32", Optional.of(-5L),
                "field 'OfOptionU32.v': -5 is out of range for u32 (expected 0..4294967295)");
        assertRefused("OfHashMapU32String", Map.of(-1L, "x"),
                "field 'OfHashMapU32String.v': -1 is out of range for u32 (expected 0..4294967295)");
        assertRefused("OfVecChar", List.of(0x110000), "field 'OfVecChar.v': U+110000 is out of range for char"
                + " (expected a Unicode scalar value (U+0000..U+10FFFF, no surrogates))");
    }
}
