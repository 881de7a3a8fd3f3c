package dev.ipcgen.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ImmutableListTest {

    private static byte[] encode(List<String> list) {
        ByteBuf out = Unpooled.buffer();
        try {
            Bincode.writeList(out, list, Codecs.STRING);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    private static ImmutableList<String> decode(byte[] bytes) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            return Bincode.readList(in, Codecs.STRING, 8);
        } finally {
            in.release();
        }
    }

    @Test
    void decode_keepsWireOrder_andEqualsAnyListOfTheSameElements() {
        ImmutableList<String> list = decode(encode(List.of("b", "a", "c")));
        assertThat(list).containsExactly("b", "a", "c");
        assertThat(list).isEqualTo(List.of("b", "a", "c")).isEqualTo(new ArrayList<>(List.of("b", "a", "c")))
                .isEqualTo(new LinkedList<>(List.of("b", "a", "c")))
                .isNotEqualTo(List.of("a", "b", "c")).isNotEqualTo(List.of("b", "a"));
        assertThat(List.of("b", "a", "c")).isEqualTo(list);
        assertThat(list.hashCode()).isEqualTo(List.of("b", "a", "c").hashCode());
        assertThat(list.indexOf("a")).isEqualTo(1);
        assertThat(list.contains("d")).isFalse();
        assertThat(list.toString()).isEqualTo("[b, a, c]");
        assertThat(decode(encode(List.of()))).isSameAs(ImmutableList.of());
    }

    @Test
    void encode_writesAnyListTheSame_randomAccessOrNot() {
        byte[] expected = encode(List.of("x", "y", "z"));
        assertThat(encode(new LinkedList<>(List.of("x", "y", "z")))).isEqualTo(expected);
        assertThat(encode(ImmutableList.copyOf(List.of("x", "y", "z")))).isEqualTo(expected);
    }

    @Test
    void copyOf_returnsAnImmutableListItself_copiesAnyOther_andRefusesNulls() {
        ImmutableList<String> decoded = decode(encode(List.of("a")));
        assertThat(ImmutableList.copyOf(decoded, "tags")).isSameAs(decoded);
        List<String> source = new ArrayList<>(List.of("a", "b"));
        ImmutableList<String> copy = ImmutableList.copyOf(source, "tags");
        source.set(0, "changed");
        assertThat(copy).containsExactly("a", "b");
        assertThatThrownBy(() -> ImmutableList.copyOf(null, "tags"))
                .isInstanceOf(NullPointerException.class).hasMessage("tags");
        assertThatThrownBy(() -> ImmutableList.copyOf(Arrays.asList("a", null), "tags"))
                .isInstanceOf(NullPointerException.class).hasMessage("tags holds a null element at [1]");
    }

    @Test
    void everyMutatorThrows_evenWhenItWouldChangeNothing() {
        for (ImmutableList<String> list : List.of(ImmutableList.<String>of(), ImmutableList.copyOf(List.of("a")))) {
            List<Consumer<List<String>>> mutators = List.of(
                    x -> x.add("a"),
                    x -> x.add(0, "a"),
                    x -> x.addAll(List.of()),
                    x -> x.addAll(0, List.of()),
                    x -> x.set(0, "a"),
                    x -> x.remove(0),
                    x -> x.remove("absent"),
                    x -> x.removeAll(List.of()),
                    x -> x.retainAll(List.of()),
                    x -> x.removeIf(e -> false),
                    x -> x.replaceAll(e -> e),
                    x -> x.sort(null),
                    x -> x.clear(),
                    x -> x.subList(0, 0).clear(),
                    x -> x.iterator().remove());
            for (Consumer<List<String>> mutator : mutators) {
                assertThatThrownBy(() -> mutator.accept(list))
                        .isInstanceOfAny(UnsupportedOperationException.class, IllegalStateException.class);
            }
        }
    }

    @Test
    void decode_errorsNameTheElement() {
        byte[] bytes = encode(List.of("a", "b"));
        bytes[bytes.length - 1] = (byte) 0xFF;
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            DecodeException e = catchThrowableOfType(() -> Bincode.readList(in, Codecs.STRING, 8), DecodeException.class);
            assertThat(e.path()).isEqualTo("[1]");
            assertThat(e.reason()).startsWith("invalid UTF-8");
        } finally {
            in.release();
        }
    }
}
