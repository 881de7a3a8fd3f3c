package dev.ipcgen.examples;

import dev.ipcgen.runtime.IpcException;
import java.util.function.Supplier;

/** A failure an example reports as one line and exit status 1. */
public final class ExampleFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed and where */
    public ExampleFailure(String message) {
        super(message);
    }

    /**
     * Runs {@code action} (starting a server, connecting); an {@link IpcException} it throws, which
     * already says what failed and where, becomes an {@code ExampleFailure} with its message.
     */
    public static <T> T reporting(Supplier<T> action) {
        try {
            return action.get();
        } catch (IpcException e) {
            throw new ExampleFailure(e.getMessage());
        }
    }
}
