package dev.ipcgen.idl.diag;

/**
 * Where something is in a source file: the path as the user gave it, 1-based line and 1-based
 * column counted in code points (a tab is one column).
 */
public record SourceSpan(String path, int line, int column) {

    /** Checks the 1-based invariant at construction. */
    public SourceSpan {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("positions are 1-based: " + path + ":" + line + ":" + column);
        }
    }

    /** {@code path:line:col}. */
    @Override
    public String toString() {
        return path + ":" + line + ":" + column;
    }
}
