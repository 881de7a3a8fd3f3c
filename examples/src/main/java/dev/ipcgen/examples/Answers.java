package dev.ipcgen.examples;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** How the examples wait for a call's answer: blocking, with the call's own exception. */
public final class Answers {

    private Answers() {
    }

    /**
     * The future's value; a failed call throws its {@code IpcException} (or whatever unchecked
     * exception failed the future) as it is, not wrapped.
     */
    public static <T> T await(CompletableFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }
}
