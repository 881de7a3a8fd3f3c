package dev.ipcgen.examples;

/** A failure an example reports as one line and exit status 1. */
public final class ExampleFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed and where */
    public ExampleFailure(String message) {
        super(message);
    }
}
