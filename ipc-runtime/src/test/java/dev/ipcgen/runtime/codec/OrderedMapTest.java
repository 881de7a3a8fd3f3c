package dev.ipcgen.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OrderedMapTest {

    /** The body encoding of a String to String map with these alternating keys and values. */
    private static byte[] encoded(String... keysAndValues) {
        ByteBuf out = Unpooled.buffer();
        try {
            Bincode.writeLength(out, keysAndValues.length / 2);
            for (String s : keysAndValues) {
                Bincode.writeString(out, s);
            }
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    private static OrderedMap<String, String> decode(byte[] bytes) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            return Bincode.readMap(in, Codecs.STRING, Codecs.STRING, 16);
        } finally {
            in.release();
        }
    }

    private static byte[] encode(Map<String, String> map) {
        ByteBuf out = Unpooled.buffer();
        try {
            Bincode.writeMap(out, map, Codecs.STRING, Codecs.STRING);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    /** keys k0..k(n-1) with values v0..v(n-1), in that order. */
    private static LinkedHashMap<String, String> numbered(int n) {
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put("k" + i, "v" + i);
        }
        return m;
    }

    @Test
    void decode_keepsWireOrder_walkableByPosition() {
        OrderedMap<String, String> m = decode(encoded("z", "1", "a", "2", "m", "3"));
        assertThat(m.keySet()).containsExactly("z", "a", "m");
        assertThat(m.values()).containsExactly("1", "2", "3");
        assertThat(m.size()).isEqualTo(3);
        assertThat(List.of(m.keyAt(0), m.keyAt(1), m.keyAt(2))).containsExactly("z", "a", "m");
        assertThat(List.of(m.valueAt(0), m.valueAt(1), m.valueAt(2))).containsExactly("1", "2", "3");
        assertThat(m.get("a")).isEqualTo("2");
        assertThat(m.get("b")).isNull();
        assertThat(m.get(null)).isNull();
        assertThat(m.toString()).isEqualTo("{z=1, a=2, m=3}");
        assertThatThrownBy(() -> m.keyAt(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> m.valueAt(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void encode_writesTheSameBytesAsTheLinkedHashMapItWasCopiedFrom() {
        for (int n : new int[] {0, 1, OrderedMap.LINEAR_MAX, OrderedMap.LINEAR_MAX + 1, 100}) {
            LinkedHashMap<String, String> source = numbered(n);
            OrderedMap<String, String> copy = OrderedMap.copyOf(source);
            assertThat(encode(copy)).as("n=%d", n).isEqualTo(encode(source));
            assertThat(decode(encode(copy))).as("n=%d", n).containsExactlyEntriesOf(source);
        }
    }

    @Test
    void equalsAndHashCode_followTheMapContract_whateverTheOrder() {
        for (int n : new int[] {0, 3, 50}) {
            LinkedHashMap<String, String> forward = numbered(n);
            LinkedHashMap<String, String> backward = new LinkedHashMap<>();
            List<String> keys = new ArrayList<>(forward.keySet());
            for (int i = keys.size() - 1; i >= 0; i--) {
                backward.put(keys.get(i), forward.get(keys.get(i)));
            }
            OrderedMap<String, String> a = OrderedMap.copyOf(forward);
            OrderedMap<String, String> b = OrderedMap.copyOf(backward);
            HashMap<String, String> hash = new HashMap<>(forward);
            assertThat(a).as("n=%d", n).isEqualTo(b).isEqualTo(hash).isEqualTo(backward);
            assertThat(hash).isEqualTo(a);
            assertThat(backward).isEqualTo(a);
            assertThat(a.hashCode()).isEqualTo(b.hashCode()).isEqualTo(hash.hashCode());
            assertThat(a.entrySet()).isEqualTo(hash.entrySet());
        }
        OrderedMap<String, String> m = OrderedMap.copyOf(Map.of("a", "1", "b", "2"));
        assertThat(m).isNotEqualTo(Map.of("a", "1", "b", "3")).isNotEqualTo(Map.of("a", "1"))
                .isNotEqualTo(OrderedMap.copyOf(Map.of("a", "1", "c", "2")));
    }

    @Test
    void copyOf_returnsAnOrderedMapItself_andCopiesAnyOtherMap() {
        OrderedMap<String, String> decoded = decode(encoded("a", "1"));
        assertThat(OrderedMap.copyOf(decoded, "f")).isSameAs(decoded);
        LinkedHashMap<String, String> source = numbered(3);
        OrderedMap<String, String> copy = OrderedMap.copyOf(source, "f");
        source.put("k0", "changed");
        source.remove("k1");
        assertThat(copy).containsExactly(Map.entry("k0", "v0"), Map.entry("k1", "v1"), Map.entry("k2", "v2"));
        assertThat(OrderedMap.copyOf(Map.of())).isSameAs(OrderedMap.of());
    }

    @Test
    void copyOf_refusesNullsNamingTheField() {
        Map<String, String> nullValue = new LinkedHashMap<>();
        nullValue.put("k", null);
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "v");
        assertThatThrownBy(() -> OrderedMap.copyOf(null, "attributes"))
                .isInstanceOf(NullPointerException.class).hasMessage("attributes");
        assertThatThrownBy(() -> OrderedMap.copyOf(nullValue, "attributes"))
                .isInstanceOf(NullPointerException.class).hasMessage("attributes holds a null value for key k");
        assertThatThrownBy(() -> OrderedMap.copyOf(nullKey, "attributes"))
                .isInstanceOf(NullPointerException.class).hasMessage("attributes holds a null key");
    }

    @Test
    void everyMutatorThrows_evenWhenItWouldChangeNothing() {
        for (OrderedMap<String, String> m : List.of(OrderedMap.<String, String>of(), OrderedMap.copyOf(numbered(2)))) {
            List<Consumer<OrderedMap<String, String>>> mutators = List.of(
                    x -> x.put("k0", "v0"),
                    x -> x.remove("absent"),
                    x -> x.remove("k0", "v0"),
                    x -> x.clear(),
                    x -> x.putAll(Map.of()),
                    x -> x.putIfAbsent("k9", "v"),
                    x -> x.replace("k0", "v"),
                    x -> x.replace("k0", "v0", "v"),
                    x -> x.replaceAll((k, v) -> v),
                    x -> x.computeIfAbsent("k9", k -> "v"),
                    x -> x.computeIfPresent("k0", (k, v) -> v),
                    x -> x.compute("k0", (k, v) -> v),
                    x -> x.merge("k0", "v", (a, b) -> a));
            for (Consumer<OrderedMap<String, String>> mutator : mutators) {
                assertThatThrownBy(() -> mutator.accept(m)).isInstanceOf(UnsupportedOperationException.class);
            }
        }
        OrderedMap<String, String> m = OrderedMap.copyOf(numbered(2));
        var it = m.entrySet().iterator();
        Map.Entry<String, String> first = it.next();
        assertThatThrownBy(() -> first.setValue("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(it::remove).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.keySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(m).containsExactlyEntriesOf(numbered(2));
    }

    @Test
    void decode_repeatedKey_keepsItsFirstPlaceAndLastValue_asLinkedHashMapPutDoes() {
        OrderedMap<String, String> small = decode(encoded("a", "1", "b", "2", "a", "3", "c", "4", "b", "5"));
        assertThat(small.keySet()).containsExactly("a", "b", "c");
        assertThat(small).containsExactly(Map.entry("a", "3"), Map.entry("b", "5"), Map.entry("c", "4"));
        assertThat(small.size()).isEqualTo(3);

        // More than LINEAR_MAX entries go through the hash index: the same rule.
        List<String> wire = new ArrayList<>();
        LinkedHashMap<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < 3 * OrderedMap.LINEAR_MAX; i++) {
            String key = "k" + (i % (OrderedMap.LINEAR_MAX + 2));
            wire.add(key);
            wire.add("v" + i);
            expected.put(key, "v" + i);
        }
        OrderedMap<String, String> large = decode(encoded(wire.toArray(String[]::new)));
        assertThat(large).containsExactlyEntriesOf(expected);
        assertThat(large.size()).isEqualTo(OrderedMap.LINEAR_MAX + 2);
        assertThat(large.get("k3")).isEqualTo(expected.get("k3"));
        assertThat(encode(large)).isEqualTo(encode(expected));
    }

    @Test
    void copyOf_mergesKeysThatAreEqualButWereDistinctInTheSource() {
        Map<String, String> identity = new IdentityHashMap<>();
        identity.put(new String("k"), "1");
        identity.put(new String("k"), "2");
        OrderedMap<String, String> m = OrderedMap.copyOf(identity);
        assertThat(m.size()).isEqualTo(1);
        assertThat(m.get("k")).isIn("1", "2");
    }

    @Test
    void get_findsEveryKey_whenAllHashesCollide() {
        // "Aa" and "BB" have the same hashCode, so all these keys do too.
        List<String> wire = new ArrayList<>();
        int bits = 10;
        for (int i = 0; i < 1 << bits; i++) {
            StringBuilder key = new StringBuilder();
            for (int b = 0; b < bits; b++) {
                key.append((i >> b & 1) == 0 ? "Aa" : "BB");
            }
            wire.add(key.toString());
            wire.add(Integer.toString(i));
        }
        OrderedMap<String, String> m = decode(encoded(wire.toArray(String[]::new)));
        assertThat(m.size()).isEqualTo(1 << bits);
        for (int i = 0; i < 1 << bits; i++) {
            assertThat(m.get(wire.get(2 * i))).isEqualTo(Integer.toString(i));
        }
    }

    @Test
    void decode_errorsNameTheEntryAndItsPart() {
        byte[] bytes = encoded("a", "1", "b", "2");
        bytes[bytes.length - 1] = (byte) 0xFF;
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            DecodeException e = catchThrowableOfType(
                    () -> Bincode.readMap(in, Codecs.STRING, Codecs.STRING, 16), DecodeException.class);
            assertThat(e.path()).isEqualTo("[1].value");
            assertThat(e.reason()).startsWith("invalid UTF-8");
        } finally {
            in.release();
        }
        ByteBuf shortKey = Unpooled.wrappedBuffer(encoded("a", "1"), new byte[] {9});
        try {
            // Count 1 written over by 2: the second key finds 1 byte where 8 are needed.
            shortKey.setLongLE(0, 2);
            DecodeException e = catchThrowableOfType(
                    () -> Bincode.readMap(shortKey, Codecs.STRING, Codecs.STRING, 0), DecodeException.class);
            assertThat(e.path()).isEqualTo("[1].key");
        } finally {
            shortKey.release();
        }
    }

    @Test
    void forEachAndContains_seeEveryEntryInOrder() {
        OrderedMap<String, String> m = OrderedMap.copyOf(numbered(OrderedMap.LINEAR_MAX + 1));
        List<String> seen = new ArrayList<>();
        m.forEach((k, v) -> seen.add(k + "=" + v));
        assertThat(seen).hasSize(OrderedMap.LINEAR_MAX + 1).startsWith("k0=v0").endsWith("k8=v8");
        assertThat(m.containsKey("k8")).isTrue();
        assertThat(m.containsKey("k9")).isFalse();
        assertThat(m.containsValue("v8")).isTrue();
        assertThat(m.containsValue("v9")).isFalse();
        assertThat(m.getOrDefault("k9", "none")).isEqualTo("none");
        assertThat(m.entrySet()).contains(Map.entry("k8", "v8")).doesNotContain(Map.entry("k8", "v7"));
    }
}
