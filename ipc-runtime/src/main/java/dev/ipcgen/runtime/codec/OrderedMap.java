package dev.ipcgen.runtime.codec;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The immutable map that holds an IDL {@code HashMap<K, V>}: its entries in insertion (wire) order,
 * in two arrays, so that an encoder walks it by position ({@link #keyAt}, {@link #valueAt}) without
 * allocating an iterator, and a decoder allocates nothing but the map and its arrays (and, past
 * 8 entries, its index).
 *
 * <p>It is a {@link Map} in every other respect: {@code equals} and {@code hashCode} follow the
 * {@code Map} contract, so it equals a {@link HashMap} or {@link java.util.LinkedHashMap} with the
 * same entries whatever their order. Null keys and values are refused. A key given twice keeps the
 * place of its first occurrence and the value of its last, as {@link java.util.LinkedHashMap#put}
 * does (and as serde does for a repeated key on the wire). Every mutator throws
 * {@link UnsupportedOperationException}.
 *
 * <p>{@link #get} and {@link #containsKey} compare keys in order up to 8
 * entries; a larger map also keeps a {@link HashMap} from key to position, whose tree bins keep
 * lookups fast even for keys chosen to collide.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class OrderedMap<K, V> extends AbstractMap<K, V> {

    /** The most entries searched in order; a larger map has a hash index. */
    static final int LINEAR_MAX = 8;

    private static final Object[] NONE = {};
    private static final OrderedMap<Object, Object> EMPTY = new OrderedMap<>(NONE, NONE, null);

    private final Object[] keys;
    private final Object[] values;
    /** Key to position; null when there are at most {@link #LINEAR_MAX} entries. */
    private final HashMap<Object, Integer> index;
    /** The entry view, made on first use: only code that asks for it pays for it. */
    private Set<Entry<K, V>> entrySet;

    private OrderedMap(Object[] keys, Object[] values, HashMap<Object, Integer> index) {
        this.keys = keys;
        this.values = values;
        this.index = index;
    }

    /** The empty map. */
    @SuppressWarnings("unchecked")
    public static <K, V> OrderedMap<K, V> of() {
        return (OrderedMap<K, V>) EMPTY;
    }

    /** {@link #copyOf(Map, String)} naming the argument {@code map} in its messages. */
    public static <K, V> OrderedMap<K, V> copyOf(Map<? extends K, ? extends V> map) {
        return copyOf(map, "map");
    }

    /**
     * The entries of {@code map} in its iteration order: {@code map} itself when it is an
     * {@code OrderedMap} already, else a copy. Keys that are equal but were distinct in
     * {@code map} (an {@link java.util.IdentityHashMap}, say) become one entry, as above.
     *
     * @param field the name the messages give the map, such as a record component's name
     * @throws NullPointerException naming {@code field} if {@code map} is null or holds a null key
     *     or value
     */
    @SuppressWarnings("unchecked")
    public static <K, V> OrderedMap<K, V> copyOf(Map<? extends K, ? extends V> map, String field) {
        Objects.requireNonNull(map, field);
        if (map instanceof OrderedMap<?, ?> ordered) {
            return (OrderedMap<K, V>) ordered;
        }
        int n = map.size();
        Object[] keys = new Object[n];
        Object[] values = new Object[n];
        int i = 0;
        for (Map.Entry<? extends K, ? extends V> e : map.entrySet()) {
            if (i == n) {
                throw new IllegalArgumentException(field + " has more entries than its size() of " + n);
            }
            K key = e.getKey();
            V value = e.getValue();
            if (key == null) {
                throw new NullPointerException(field + " holds a null key");
            }
            if (value == null) {
                throw new NullPointerException(field + " holds a null value for key " + key);
            }
            keys[i] = key;
            values[i] = value;
            i++;
        }
        return adopt(keys, values, i);
    }

    /**
     * The first {@code size} keys and values of the arrays, which the caller hands over and no
     * longer touches; a repeated key is merged as the class comment says. Keys and values must not
     * be null.
     */
    static <K, V> OrderedMap<K, V> adopt(Object[] keys, Object[] values, int size) {
        if (size == 0) {
            return of();
        }
        HashMap<Object, Integer> index = size <= LINEAR_MAX ? null : new HashMap<>((int) (size / 0.75f) + 1);
        int kept = merge(keys, values, size, index);
        if (kept != keys.length) {
            keys = Arrays.copyOf(keys, kept);
            values = Arrays.copyOf(values, kept);
        }
        return new OrderedMap<>(keys, values, index);
    }

    /**
     * Moves each first occurrence of a key forward, with its last value; returns how many. Keys
     * already kept are found in order, or through {@code index} (filled here) when there is one.
     */
    private static int merge(Object[] keys, Object[] values, int size, HashMap<Object, Integer> index) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            Object key = keys[i];
            int at = index == null ? indexOf(keys, kept, key) : claim(index, key, kept);
            if (at >= 0) {
                values[at] = values[i];
            } else {
                keys[kept] = key;
                values[kept] = values[i];
                kept++;
            }
        }
        return kept;
    }

    /** The position {@code index} holds for {@code key}, or -1 after giving it {@code position}. */
    private static int claim(HashMap<Object, Integer> index, Object key, int position) {
        Integer at = index.putIfAbsent(key, position);
        return at == null ? -1 : at;
    }

    private static int indexOf(Object[] keys, int size, Object key) {
        for (int i = 0; i < size; i++) {
            if (key.equals(keys[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The position of {@code key}, or -1. */
    private int indexOf(Object key) {
        if (key == null) {
            return -1;
        }
        if (index == null) {
            return indexOf(keys, keys.length, key);
        }
        Integer at = index.get(key);
        return at == null ? -1 : at;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean isEmpty() {
        return keys.length == 0;
    }

    /**
     * The key at {@code position} in insertion order.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= position < size()}
     */
    @SuppressWarnings("unchecked")
    public K keyAt(int position) {
        return (K) keys[Objects.checkIndex(position, keys.length)];
    }

    /**
     * The value at {@code position} in insertion order.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= position < size()}
     */
    @SuppressWarnings("unchecked")
    public V valueAt(int position) {
        return (V) values[Objects.checkIndex(position, values.length)];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public boolean containsValue(Object value) {
        if (value == null) {
            return false;
        }
        for (Object v : values) {
            if (value.equals(v)) {
                return true;
            }
        }
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int at = indexOf(key);
        return at < 0 ? null : (V) values[at];
    }

    @Override
    @SuppressWarnings("unchecked")
    public V getOrDefault(Object key, V defaultValue) {
        int at = indexOf(key);
        return at < 0 ? defaultValue : (V) values[at];
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super K, ? super V> action) {
        Objects.requireNonNull(action);
        for (int i = 0; i < keys.length; i++) {
            action.accept((K) keys[i], (V) values[i]);
        }
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        Set<Entry<K, V>> view = entrySet;
        if (view == null) {
            view = new EntrySet();
            entrySet = view;
        }
        return view;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof OrderedMap<?, ?> other)) {
            return super.equals(o);
        }
        if (other.size() != size()) {
            return false;
        }
        for (int i = 0; i < keys.length; i++) {
            int at = other.indexOf(keys[i]);
            if (at < 0 || !values[i].equals(other.values[at])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < keys.length; i++) {
            h += keys[i].hashCode() ^ values[i].hashCode();
        }
        return h;
    }

    // ---- refused mutators: every one throws, even when it would change nothing -------------

    @Override
    public V put(K key, V value) {
        throw immutable();
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        throw immutable();
    }

    @Override
    public V remove(Object key) {
        throw immutable();
    }

    @Override
    public void clear() {
        throw immutable();
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        throw immutable();
    }

    @Override
    public V putIfAbsent(K key, V value) {
        throw immutable();
    }

    @Override
    public boolean remove(Object key, Object value) {
        throw immutable();
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        throw immutable();
    }

    @Override
    public V replace(K key, V value) {
        throw immutable();
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        throw immutable();
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        throw immutable();
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        throw immutable();
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        throw immutable();
    }

    private static UnsupportedOperationException immutable() {
        return new UnsupportedOperationException("an OrderedMap is immutable");
    }

    /** The entries in order; its iterator has no {@code remove}, its entries no {@code setValue}. */
    private final class EntrySet extends AbstractSet<Entry<K, V>> {
        @Override
        public int size() {
            return keys.length;
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof Map.Entry<?, ?> e)) {
                return false;
            }
            int at = indexOf(e.getKey());
            return at >= 0 && values[at].equals(e.getValue());
        }

        @Override
        public Iterator<Entry<K, V>> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < keys.length;
                }

                @Override
                @SuppressWarnings("unchecked")
                public Entry<K, V> next() {
                    if (next >= keys.length) {
                        throw new NoSuchElementException();
                    }
                    int i = next++;
                    return new SimpleImmutableEntry<>((K) keys[i], (V) values[i]);
                }
            };
        }
    }
}
