package dev.ipcgen.runtime.codec;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The immutable list that holds an IDL {@code Vec<T>}: one array, which a decoder fills and hands
 * over, so decoding allocates nothing but the list and its array ({@link List#copyOf} would copy
 * the array again). Null elements are refused; every mutator throws
 * {@link UnsupportedOperationException}. {@code equals} and {@code hashCode} follow the
 * {@code List} contract, so it equals any list with the same elements in the same order.
 *
 * @param <E> the element type
 */
public final class ImmutableList<E> extends AbstractList<E> implements RandomAccess {

    private static final ImmutableList<Object> EMPTY = new ImmutableList<>(new Object[0]);

    private final Object[] elements;

    private ImmutableList(Object[] elements) {
        this.elements = elements;
    }

    /** The empty list. */
    @SuppressWarnings("unchecked")
    public static <E> ImmutableList<E> of() {
        return (ImmutableList<E>) EMPTY;
    }

    /** {@link #copyOf(Collection, String)} naming the argument {@code list} in its messages. */
    public static <E> ImmutableList<E> copyOf(Collection<? extends E> list) {
        return copyOf(list, "list");
    }

    /**
     * The elements of {@code list} in its iteration order: {@code list} itself when it is an
     * {@code ImmutableList} already, else a copy.
     *
     * @param field the name the messages give the list, such as a record component's name
     * @throws NullPointerException naming {@code field} if {@code list} is null or holds a null
     */
    @SuppressWarnings("unchecked")
    public static <E> ImmutableList<E> copyOf(Collection<? extends E> list, String field) {
        Objects.requireNonNull(list, field);
        if (list instanceof ImmutableList<?> immutable) {
            return (ImmutableList<E>) immutable;
        }
        // toArray gives a new array (its contract), which no one else holds.
        Object[] elements = list.toArray();
        for (int i = 0; i < elements.length; i++) {
            if (elements[i] == null) {
                throw new NullPointerException(field + " holds a null element at [" + i + "]");
            }
        }
        return adopt(elements, elements.length);
    }

    /**
     * The first {@code size} elements of {@code elements}, which the caller hands over and no
     * longer touches. Elements must not be null.
     */
    static <E> ImmutableList<E> adopt(Object[] elements, int size) {
        if (size == 0) {
            return of();
        }
        return new ImmutableList<>(size == elements.length ? elements : Arrays.copyOf(elements, size));
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        return (E) elements[Objects.checkIndex(index, elements.length)];
    }

    @Override
    public int size() {
        return elements.length;
    }

    @Override
    public boolean isEmpty() {
        return elements.length == 0;
    }

    @Override
    public int indexOf(Object o) {
        if (o != null) {
            for (int i = 0; i < elements.length; i++) {
                if (o.equals(elements[i])) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        if (o != null) {
            for (int i = elements.length - 1; i >= 0; i--) {
                if (o.equals(elements[i])) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    @Override
    public Object[] toArray() {
        return elements.clone();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(Consumer<? super E> action) {
        Objects.requireNonNull(action);
        for (Object e : elements) {
            action.accept((E) e);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof List<?> other)) {
            return false;
        }
        if (!(other instanceof RandomAccess)) {
            return super.equals(o);
        }
        if (other.size() != elements.length) {
            return false;
        }
        for (int i = 0; i < elements.length; i++) {
            if (!elements[i].equals(other.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Object e : elements) {
            h = 31 * h + e.hashCode();
        }
        return h;
    }

    // ---- refused mutators: every one throws, even when it would change nothing -------------

    @Override
    public boolean add(E e) {
        throw immutable();
    }

    @Override
    public void add(int index, E element) {
        throw immutable();
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        throw immutable();
    }

    @Override
    public boolean addAll(int index, Collection<? extends E> c) {
        throw immutable();
    }

    @Override
    public E set(int index, E element) {
        throw immutable();
    }

    @Override
    public E remove(int index) {
        throw immutable();
    }

    @Override
    public boolean remove(Object o) {
        throw immutable();
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        throw immutable();
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        throw immutable();
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        throw immutable();
    }

    @Override
    public void replaceAll(UnaryOperator<E> operator) {
        throw immutable();
    }

    @Override
    public void sort(Comparator<? super E> c) {
        throw immutable();
    }

    @Override
    public void clear() {
        throw immutable();
    }

    @Override
    protected void removeRange(int fromIndex, int toIndex) {
        throw immutable();
    }

    private static UnsupportedOperationException immutable() {
        return new UnsupportedOperationException("an ImmutableList is immutable");
    }
}
