package dev.ipcgen.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ipcgen.idl.schema.NamedTypeRef;
import dev.ipcgen.runtime.codec.Codec;
import dev.ipcgen.runtime.codec.DecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A decode error names the field path where it happened, in IDL names: a field, a list element
 * {@code [i]}, a map entry {@code [i].key} or {@code [i].value}, and a variant of an enum with data.
 * Each case encodes a valid {@code Envelope} (std.ipc) and then breaks the bytes of one marked value.
 */
class DecodeErrorPathTest {

    private static VectorTypes types;

    @BeforeAll
    static void compile() {
        types = VectorTypes.get();
    }

    private static final String ORDER = """
            {"id": 1,
             "customer": {"id": 2, "name": "C", "email": "MARK-EMAIL", "roles": ["Admin"]},
             "items": [{"sku": "a", "qty": 1, "unit_price": 1.0},
                       {"sku": "b", "qty": 1, "unit_price": 1.0},
                       {"sku": "MARK-SKU", "qty": 1, "unit_price": 1.0}],
             "total_cents": 3,
             "status": {"Shipped": {"carrier": "MARK-CARRIER", "tracking": null}},
             "metadata": {}}""";

    private static String envelope(String shapes) {
        return "{\"order\": " + ORDER + ", \"shapes\": " + shapes + ", \"twice\": \"\u00e9\"}";
    }

    /** The bytes of {@code json} with the first occurrence of {@code find} (hex) replaced. */
    private static String decodeError(String json, String find, String replace) {
        Codec<Object> codec = types.codec("Envelope");
        Object value = types.fromJson(Json.parse(json), new NamedTypeRef("Envelope"));
        ByteBuf out = Unpooled.buffer();
        codec.encode(out, value);
        String hex = ByteBufUtil.hexDump(out);
        out.release();
        assertThat(hex).contains(find);
        ByteBuf in = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex.replaceFirst(find, replace)));
        try {
            return catchThrowableOfType(() -> codec.decode(in), DecodeException.class).getMessage();
        } finally {
            in.release();
        }
    }

    private static String hex(String s) {
        return ByteBufUtil.hexDump(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void invalidUtf8InAListElement_namesFieldIndexAndField() {
        assertThat(decodeError(envelope("{}"), hex("MARK-SKU"), "ff" + hex("ARK-SKU")))
                .startsWith("order.items[2].sku: invalid UTF-8");
    }

    @Test
    void invalidOptionTag_namesTheOptionField() {
        // The tag 01 before the length of "MARK-EMAIL" (10 bytes) becomes 02.
        assertThat(decodeError(envelope("{}"), "010a00000000000000" + hex("MARK"), "020a00000000000000" + hex("MARK")))
                .isEqualTo("order.customer.email: invalid Option tag 2 (expected: 0 or 1)");
    }

    @Test
    void invalidVariantIndex_namesTheEnumField() {
        // Shipped is index 1, followed by the carrier's length (12).
        assertThat(decodeError(envelope("{}"), "010000000c00000000000000", "090000000c00000000000000"))
                .startsWith("order.status: invalid variant index 9 for OrderStatus");
    }

    @Test
    void errorInsideAVariant_namesTheVariantAndItsField() {
        assertThat(decodeError(envelope("{}"), hex("MARK-CARRIER"), "c0" + hex("ARK-CARRIER")))
                .startsWith("order.status.Shipped.carrier: invalid UTF-8");
    }

    @Test
    void invalidCodePoint_namesTheField() {
        // é is c3 a9 after the two Some tags; a9 is replaced by a byte that is no continuation.
        assertThat(decodeError(envelope("{}"), "0101c3a9", "0101c341"))
                .startsWith("twice: invalid char");
    }

    @Test
    void mapKeyAndValue_areNamedByEntryIndex() {
        String shapes = "{\"a\": [], \"MARK-KEY\": [\"Empty\", {\"Labeled\": {\"id\": 1, \"label\": \"l\", \"tags\": [\"t\", \"MARK-TAG\"]}}]}";
        assertThat(decodeError(envelope(shapes), hex("MARK-KEY"), "ff" + hex("ARK-KEY")))
                .startsWith("shapes[1].key: invalid UTF-8");
        assertThat(decodeError(envelope(shapes), hex("MARK-TAG"), "ff" + hex("ARK-TAG")))
                .startsWith("shapes[1].value[1].Labeled.tags[1]: invalid UTF-8");
    }

    @Test
    void invalidBool_namesTheField() {
        Codec<Object> codec = types.codec("OfBool");
        ByteBuf in = Unpooled.wrappedBuffer(new byte[] {2});
        assertThat(catchThrowableOfType(() -> codec.decode(in), DecodeException.class))
                .satisfies(e -> assertThat(e.path()).isEqualTo("v"))
                .hasMessage("v: invalid bool 2 (expected: 0 or 1)");
        in.release();
    }

    @Test
    void bodyCutShort_namesTheFieldBeingRead() {
        Codec<Object> codec = types.codec("AllPrimitives");
        ByteBuf in = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("0101020003000000"));
        assertThat(catchThrowableOfType(() -> codec.decode(in), DecodeException.class).path()).isEqualTo("u64_");
        in.release();
    }
}
