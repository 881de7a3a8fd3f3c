package dev.ipcgen.examples.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The committed state of the database example: values by key, and for every key the version of
 * the last commit that changed it (deleted keys keep a tombstone, so a delete conflicts too).
 * Not thread-safe: {@link DatabaseServer} holds its lock.
 */
final class KeyValueStore {

    /** A key's committed state; {@code value} is empty once deleted. */
    private record Entry(Optional<String> value, long version) {
    }

    private final SortedMap<String, Entry> entries = new TreeMap<>();
    private long version;

    long version() {
        return version;
    }

    Optional<String> read(String key) {
        Entry e = entries.get(key);
        return e == null ? Optional.empty() : e.value();
    }

    /**
     * Applies {@code writes} as the next version, unless a key in {@code touched} changed after
     * version {@code since}.
     *
     * @return the changes, in key order; empty (and no new version) for a transaction that wrote nothing
     * @throws ConflictException naming the first such key
     */
    List<Change> commit(long since, Set<String> touched, SortedMap<String, Optional<String>> writes) {
        for (String key : touched) {
            Entry e = entries.get(key);
            if (e != null && e.version() > since) {
                throw new ConflictException(key, e.version(), since);
            }
        }
        if (writes.isEmpty()) {
            return List.of();
        }
        version++;
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, Optional<String>> w : writes.entrySet()) {
            entries.put(w.getKey(), new Entry(w.getValue(), version));
            changes.add(new Change(w.getKey(), w.getValue()));
        }
        return changes;
    }

    /** Every key that has a value, in key order. */
    List<Change> snapshot() {
        List<Change> all = new ArrayList<>();
        entries.forEach((key, e) -> e.value().ifPresent(v -> all.add(new Change(key, Optional.of(v)))));
        return all;
    }

    /** Another commit changed a key the transaction read or wrote. */
    static final class ConflictException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConflictException(String key, long changedAt, long since) {
            super("conflict: '" + key + "' was changed by version " + changedAt
                    + " after the transaction began at version " + since + "; rolled back");
        }
    }
}
