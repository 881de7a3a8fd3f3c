package dev.ipcgen.idl.diag;

/** How bad a diagnostic is: errors stop generation, warnings do not. */
public enum Severity {
    /** The input is wrong; nothing is generated. */
    ERROR,
    /** Worth a look; generation goes on. */
    WARNING;

    /** {@code error} or {@code warning}, as printed. */
    public String label() {
        return this == ERROR ? "error" : "warning";
    }
}
