package dev.ipcgen.idl.diag;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** "Did you mean" for names and keywords: the closest candidate within a small edit distance. */
public final class Suggestions {

    /** Names from other languages that people reach for, and the IDL's word for them. */
    private static final Map<String, String> FAMILIAR = Map.ofEntries(
            Map.entry("List", "Vec"), Map.entry("Array", "Vec"), Map.entry("Map", "HashMap"),
            Map.entry("BTreeMap", "HashMap"), Map.entry("Optional", "Option"), Map.entry("str", "String"),
            Map.entry("string", "String"), Map.entry("bytes", "Bytes"), Map.entry("boolean", "bool"),
            Map.entry("int", "i32"), Map.entry("long", "i64"), Map.entry("short", "i16"), Map.entry("byte", "i8"),
            Map.entry("float", "f32"), Map.entry("double", "f64"),
            Map.entry("service", "protocol"), Map.entry("interface", "protocol"), Map.entry("message", "struct"),
            Map.entry("class", "struct"), Map.entry("record", "struct"), Map.entry("union", "enum"));

    private static final int MAX_DISTANCE = 2;

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code name}, if one is close enough to be a likely typo, or the
     * candidate that means what a familiar word of another language means ({@code List}: {@code Vec}).
     */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        String familiar = FAMILIAR.get(name);
        if (familiar != null && candidates.contains(familiar)) {
            return Optional.of(familiar);
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int bestLengthGap = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (Math.abs(c.length() - name.length()) > MAX_DISTANCE) {
                continue; // too far apart to be a typo; skipping keeps long names cheap
            }
            // Case is the commonest slip (string for String): it costs nothing.
            int d = distance(name.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            int lengthGap = Math.abs(c.length() - name.length());
            // Among equally close names, one of the same length is the likelier typo (u6: u8, not u16);
            // then the first in alphabetical order, so that the answer never depends on the input's order.
            if (d < bestDistance || d == bestDistance && (lengthGap < bestLengthGap
                    || lengthGap == bestLengthGap && c.compareTo(best) < 0)) {
                best = c;
                bestDistance = d;
                bestLengthGap = lengthGap;
            }
        }
        // Short names are all close to each other; only suggest when most of the name survives.
        boolean close = best != null && bestDistance <= Math.min(MAX_DISTANCE, name.length() / 2);
        return close ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
