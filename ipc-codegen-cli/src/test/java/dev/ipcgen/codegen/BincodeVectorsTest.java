package dev.ipcgen.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipcgen.idl.schema.NamedTypeRef;
import dev.ipcgen.idl.schema.StructType;
import dev.ipcgen.idl.schema.TypeRef;
import dev.ipcgen.runtime.codec.Codec;
import dev.ipcgen.runtime.codec.DecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated codecs against the bincode 1.3.3 vectors produced by Rust (src/test/resources/vectors):
 * every vector whose type the IDL expresses is checked, through the structs and enums of
 * vectors.ipc or, for a standard type, the one-field struct of std.ipc that encodes to the same
 * bytes. Encoding {@code value} gives {@code hex}; decoding {@code hex} gives {@code value} and uses
 * every byte; re-encoding gives {@code hex} again. The rest are skipped, each with its reason.
 */
class BincodeVectorsTest {

    private static final Path VECTORS = Path.of("src/test/resources/vectors");

    private static VectorTypes types;

    @BeforeAll
    static void compile() {
        types = VectorTypes.get();
    }

    /** A vector's type as generated code sees it: a codec, and the IDL type of its {@code value}. */
    private record Target(Codec<Object> codec, TypeRef valueType, boolean wrapped) {
    }

    /**
     * Where a vector of {@code rustType} is checked, or empty when the IDL cannot express it (the
     * reason is then {@link #skipReason}).
     */
    private static Optional<Target> target(String rustType) {
        if (types.declares(rustType)) {
            return Optional.of(new Target(types.codec(rustType), new NamedTypeRef(rustType), false));
        }
        String wrapper = wrapperName(rustType);
        if (types.declares(wrapper)) {
            TypeRef field = ((StructType) types.schema.type(wrapper)).fields().get(0).type();
            return Optional.of(new Target(types.codec(wrapper), field, true));
        }
        return Optional.empty();
    }

    /** {@code Vec<Option<u8>>} to {@code OfVecOptionU8}; a BTreeMap is a map in key order. */
    static String wrapperName(String rustType) {
        StringBuilder b = new StringBuilder("Of");
        for (String word : rustType.replace("BTreeMap", "HashMap").split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                b.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            }
        }
        return b.toString();
    }

    /** Why the IDL cannot express {@code rustType} (vectors README); fails for a type it can. */
    private static String skipReason(String rustType) {
        if (rustType.contains("128")) {
            return "u128/i128 have no IDL type";
        }
        if (rustType.startsWith("(")) {
            return "tuples and () have no IDL type";
        }
        if (rustType.startsWith("[")) {
            return "fixed arrays have no IDL type";
        }
        if (rustType.startsWith("Result<")) {
            return "Result has no IDL type";
        }
        if (rustType.startsWith("BTreeSet<")) {
            return "BTreeSet has no IDL type";
        }
        if (List.of("Marker", "UserId", "Rgb").contains(rustType)) {
            return "unit and tuple structs have no IDL form";
        }
        if (rustType.startsWith("Packet") || rustType.startsWith("Page<") || rustType.startsWith("Wrapper")
                || rustType.startsWith("Config")) {
            return "Packet, Page<T>, Wrapper, Config: generics, fixed arrays, unit/tuple structs or u128";
        }
        throw new AssertionError(rustType + " looks expressible, but neither vectors.ipc nor std.ipc declares "
                + wrapperName(rustType));
    }

    private static List<Map<String, Object>> read(String file) throws IOException {
        List<Map<String, Object>> vectors = new ArrayList<>();
        for (String line : Files.readAllLines(VECTORS.resolve(file), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> v = (Map<String, Object>) Json.parse(line);
                vectors.add(v);
            }
        }
        return vectors;
    }

    private static Object valueOf(Map<String, Object> vector, Target t) {
        Object value = types.fromJson(vector.get("value"), t.valueType());
        if (vector.containsKey("bits")) {
            long bits = Long.parseUnsignedLong(((String) vector.get("bits")).substring(2), 16);
            long actual = value instanceof Float f ? Float.floatToRawIntBits(f) & 0xFFFF_FFFFL
                    : Double.doubleToRawLongBits((Double) value);
            assertThat(actual).as("%s: the value's bits", vector.get("name")).isEqualTo(bits);
        }
        if (!t.wrapped()) {
            return value;
        }
        String wrapper = wrapperName((String) vector.get("rust_type"));
        return types.fromJsonStruct(wrapper, value);
    }

    @Test
    void encodeVectors_encodeToHexAndDecodeToValue() throws Exception {
        List<Map<String, Object>> all = read("bincode1.jsonl");
        List<String> checked = new ArrayList<>();
        Map<String, List<String>> skipped = new TreeMap<>();
        for (Map<String, Object> v : all) {
            String name = (String) v.get("name");
            String rustType = (String) v.get("rust_type");
            String hex = (String) v.get("hex");
            Optional<Target> target = target(rustType);
            if (target.isEmpty()) {
                skipped.computeIfAbsent(skipReason(rustType), k -> new ArrayList<>()).add(name);
                continue;
            }
            Codec<Object> codec = target.get().codec();
            Object value = valueOf(v, target.get());

            assertThat(encode(codec, value)).as("%s: encoding value", name).isEqualTo(hex);
            ByteBuf in = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex));
            try {
                Object decoded = codec.decode(in);
                assertThat(in.readableBytes()).as("%s: bytes left after decoding", name).isZero();
                assertThat(decoded).as("%s: decoding hex", name).isEqualTo(value);
                assertThat(encode(codec, decoded)).as("%s: re-encoding", name).isEqualTo(hex);
            } finally {
                in.release();
            }
            checked.add(name);
        }
        int skippedCount = skipped.values().stream().mapToInt(List::size).sum();
        StringBuilder report = new StringBuilder("BincodeVectorsTest: " + checked.size() + " of " + all.size()
                + " encode vectors checked, " + skippedCount + " skipped:");
        skipped.forEach((reason, names) -> report.append("\n  ").append(names.size()).append(" - ").append(reason)
                .append(": ").append(String.join(", ", names)));
        System.out.println(report);

        assertThat(all).hasSize(132);
        assertThat(checked).as(report.toString()).hasSize(106);
        assertThat(skippedCount).as(report.toString()).isEqualTo(26);
    }

    @Test
    void decodeVectors_failOrSucceedAsBincodeDid() throws Exception {
        List<Map<String, Object>> all = read("bincode1-decode.jsonl");
        int checked = 0;
        for (Map<String, Object> v : all) {
            String name = (String) v.get("name");
            Target t = target((String) v.get("rust_type"))
                    .orElseThrow(() -> new AssertionError(name + ": no generated type"));
            ByteBuf in = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump((String) v.get("hex")));
            try {
                if (v.get("expect").equals("error")) {
                    assertThatThrownBy(() -> t.codec().decode(in)).as(name).isInstanceOf(DecodeException.class);
                } else {
                    assertThat(t.codec().decode(in)).as(name).isEqualTo(valueOf(v, t));
                }
            } finally {
                in.release();
            }
            checked++;
        }
        assertThat(checked).isEqualTo(17);
    }

    private static String encode(Codec<Object> codec, Object value) {
        ByteBuf out = Unpooled.buffer();
        try {
            codec.encode(out, value);
            return ByteBufUtil.hexDump(out);
        } finally {
            out.release();
        }
    }
}
