package dev.ipcgen.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.runtime.Bytes;
import dev.ipcgen.runtime.codec.Codec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code names} golden case compiled and driven: escaped names, {@code Bytes}, nested containers,
 * a map keyed by an enum, an enum with data, and runs of trailing {@code Option} fields.
 */
class NamesRoundTripTest {

    private static final String PKG = "dev.ipcgen.golden.names.";
    private static Path dir;
    private static ClassLoader loader;

    @BeforeAll
    static void compile() {
        GenerationResult r = new Generator().generate(List.of(Path.of("src/test/resources/golden/names/names.ipc")),
                GeneratorOptions.defaults());
        assertThat(r.hasErrors()).isFalse();
        try {
            dir = Files.createTempDirectory("ipcgen-names");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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

    private static Class<?> type(String name) throws ClassNotFoundException {
        return Class.forName(name.contains(".") ? name : PKG + name, true, loader);
    }

    private static Object newRecord(Class<?> type, Object... args) throws Exception {
        Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<?> c = type.getDeclaredConstructor(types);
        return c.newInstance(args);
    }

    @SuppressWarnings("unchecked")
    private static Codec<Object> codec(Class<?> type) throws Exception {
        return (Codec<Object>) type.getField("CODEC").get(null);
    }

    private static Object roundTrip(Codec<Object> codec, Object value) {
        ByteBuf buf = Unpooled.buffer();
        try {
            codec.encode(buf, value);
            Object back = codec.decode(buf);
            assertThat(buf.isReadable()).isFalse();
            return back;
        } finally {
            buf.release();
        }
    }

    private Object handler() throws Exception {
        Object list = newRecord(type("dev.ipcgen.golden.common.List"), List.of("x"));
        Object optional = type("dev.ipcgen.golden.common.Optional").getEnumConstants()[1];
        Object[] kinds = type("Kind").getEnumConstants();
        Map<Object, List<Byte>> byRole = new LinkedHashMap<>();
        byRole.put(kinds[2], List.of((byte) -1));
        byRole.put(kinds[0], List.of());
        return newRecord(type("Handler"), 4_000_000_000L, (short) -2, true, 0x1F600, 1.5f, list, optional,
                Bytes.of((byte) 1, (byte) 2), Bytes.EMPTY, List.of(List.of(Optional.of(65535), Optional.empty())),
                byRole, Optional.of(Map.of("k", Bytes.of((byte) 9))));
    }

    @Test
    void structWithEscapedNamesBytesAndNestedContainers_roundTrips() throws Exception {
        Object h = handler();
        assertThat(type("Handler").getMethod("class_").invoke(h)).isEqualTo(4_000_000_000L);
        assertThat(roundTrip(codec(type("Handler")), h)).isEqualTo(h);
    }

    @Test
    void enumWithData_writesTheVariantIndexThenItsFields() throws Exception {
        Class<?> event = type("Event");
        Object pair = newRecord(type("Event$Pair"), 7, "hi");
        ByteBuf buf = Unpooled.buffer();
        try {
            codec(event).encode(buf, pair);
            assertThat(ByteBufUtil.hexDump(buf)).isEqualTo("02000000" + "07" + "0200000000000000" + "6869");
            assertThat(codec(event).decode(buf)).isEqualTo(pair);
        } finally {
            buf.release();
        }
        Object moved = newRecord(type("Event$Moved"), Optional.of(handler()), -5L);
        assertThat(roundTrip(codec(event), moved)).isEqualTo(moved);
        Object quit = newRecord(type("Event$Quit"));
        assertThat(roundTrip(codec(event), quit)).isEqualTo(quit);
        Object wrapped = newRecord(type("Event$Handler"), handler());
        assertThat(roundTrip(codec(event), wrapped)).isEqualTo(wrapped);
    }

    @Test
    void response_decodesEachMissingTrailingOptionAsEmpty() throws Exception {
        Class<?> response = type("DescriptorProtocol$WithOptionsResponse");
        ByteBuf countOnly = Unpooled.buffer().writeLongLE(3);
        ByteBuf withExtra = Unpooled.buffer().writeLongLE(3).writeByte(1).writeLongLE(1).writeByte('x');
        try {
            assertThat(codec(response).decode(countOnly))
                    .isEqualTo(newRecord(response, 3L, Optional.empty(), Optional.empty()));
            assertThat(codec(response).decode(withExtra))
                    .isEqualTo(newRecord(response, 3L, Optional.of("x"), Optional.empty()));
        } finally {
            countOnly.release();
            withExtra.release();
        }
    }
}
