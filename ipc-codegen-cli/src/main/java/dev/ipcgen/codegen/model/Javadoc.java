package dev.ipcgen.codegen.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns IDL doc comments into Javadoc lines that cannot end the comment or start a tag. */
public final class Javadoc {

    private Javadoc() {
    }

    /**
     * Escapes text for a Javadoc comment: {@code &}, {@code <}, {@code >}, {@code @} (a tag or an
     * inline tag), {@code *}{@code /} (the end of the comment) and backslash-u (a unicode escape,
     * which javac reads even inside comments).
     */
    public static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("@", "&#64;")
                .replace("*/", "*&#47;")
                .replace("\\u", "&#92;u");
    }

    /** The lines of a doc comment, escaped and trimmed, without leading or trailing blank lines. */
    public static List<String> lines(Optional<String> doc) {
        if (doc.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String line : doc.get().split("\r\n|\r|\n", -1)) {
            lines.add(escape(line.strip()));
        }
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** {@code first}, then a blank line and {@code more} if there is more. */
    public static List<String> join(List<String> first, List<String> more) {
        if (first.isEmpty()) {
            return more;
        }
        if (more.isEmpty()) {
            return first;
        }
        List<String> all = new ArrayList<>(first);
        all.add("");
        all.addAll(more);
        return all;
    }
}
