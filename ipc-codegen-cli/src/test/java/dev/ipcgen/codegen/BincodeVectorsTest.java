package dev.ipcgen.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipcgen.runtime.codec.Codec;
import dev.ipcgen.runtime.codec.DecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated codecs against the bincode vectors produced by Rust (src/test/resources/vectors): each
 * vector of a struct or enum of vectors.ipc decodes completely and re-encodes to the same bytes.
 */
class BincodeVectorsTest {

    private static final Path VECTORS = Path.of("src/test/resources/vectors");
    private static final Set<String> NAMED = Set.of("AllPrimitives", "Level", "ListNode", "Order", "Person", "Role",
            "Shape", "Tree", "User");

    private static Path dir;
    private static ClassLoader loader;

    /** One line of a vectors file. */
    private record Vector(String name, String rustType, String hex, String expect) {
        private static final Pattern FIELD = Pattern.compile("\"(name|rust_type|hex|expect)\":\"([^\"]*)\"");

        static Vector parse(String line) {
            String[] v = new String[4];
            Matcher m = FIELD.matcher(line);
            while (m.find()) {
                int i = List.of("name", "rust_type", "hex", "expect").indexOf(m.group(1));
                if (v[i] == null) {
                    v[i] = m.group(2);
                }
            }
            return new Vector(v[0], v[1], v[2], v[3]);
        }
    }

    @BeforeAll
    static void compile() throws Exception {
        GenerationResult r = new Generator().generate(List.of(Path.of("src/test/resources/golden/vectors/vectors.ipc")),
                GeneratorOptions.defaults());
        assertThat(r.diagnostics()).isEmpty();
        dir = Files.createTempDirectory("ipcgen-vectors");
        JavaSources.Compiled compiled = JavaSources.compile(r.files(), dir);
        assertThat(compiled.diagnostics()).isEmpty();
        loader = compiled.classLoader();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Codec<Object> codec(String type) throws Exception {
        return (Codec<Object>) Class.forName("dev.ipcgen.vectors." + type, true, loader).getField("CODEC").get(null);
    }

    private static List<Vector> read(String file) throws IOException {
        return Files.readAllLines(VECTORS.resolve(file)).stream().filter(l -> !l.isBlank()).map(Vector::parse).toList();
    }

    @Test
    void encodeVectors_decodeAndReencodeToTheSameBytes() throws Exception {
        List<Vector> all = read("bincode1.jsonl");
        List<String> checked = new ArrayList<>();
        for (Vector v : all) {
            if (!NAMED.contains(v.rustType())) {
                continue;
            }
            ByteBuf in = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(v.hex()));
            ByteBuf out = Unpooled.buffer();
            try {
                Object value = codec(v.rustType()).decode(in);
                assertThat(in.readableBytes()).as("%s: bytes left after decoding", v.name()).isZero();
                codec(v.rustType()).encode(out, value);
                assertThat(ByteBufUtil.hexDump(out)).as("%s re-encoded", v.name()).isEqualTo(v.hex());
                checked.add(v.name());
            } finally {
                in.release();
                out.release();
            }
        }
        // The rest are built-in types (tested by the runtime) or types the IDL cannot express.
        System.out.println("BincodeVectorsTest: " + checked.size() + " vectors of generated types checked, "
                + (all.size() - checked.size()) + " skipped (built-in or inexpressible types)");
        assertThat(checked).hasSize(23);
    }

    @Test
    void decodeVectors_failOrSucceedAsBincodeDid() throws Exception {
        int checked = 0;
        for (Vector v : read("bincode1-decode.jsonl")) {
            if (!NAMED.contains(v.rustType())) {
                continue;
            }
            ByteBuf in = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(v.hex()));
            try {
                Codec<Object> codec = codec(v.rustType());
                if (v.expect().equals("error")) {
                    assertThatThrownBy(() -> codec.decode(in)).as(v.name()).isInstanceOf(DecodeException.class);
                } else {
                    assertThat(codec.decode(in)).as(v.name()).isNotNull();
                }
                checked++;
            } finally {
                in.release();
            }
        }
        assertThat(checked).isEqualTo(4);
    }
}
