package dev.ipcgen.runtime;

import java.time.Duration;

/**
 * Told what a {@link ReconnectingClient} does: connections made and lost, attempts that failed,
 * giving up. For logs and metrics. Every method runs on the client's reconnect thread, one at a
 * time and in order, so it must not block; an exception thrown here is logged and otherwise
 * ignored.
 */
public interface ReconnectingListener {

    /** A connection is open (the server's HELLO has arrived); calls go to it from now on. */
    default void connected(IpcConnection connection) {
    }

    /**
     * The connection closed, or the server started closing it (GOAWAY); the next attempt follows
     * after the first backoff wait.
     */
    default void disconnected(IpcConnection connection) {
    }

    /**
     * An attempt to connect failed.
     *
     * @param attempt how many attempts of this outage have failed, this one included (1, 2, ...)
     * @param error why, e.g. {@link ErrorCode#CONNECT_FAILED} "no server at unix:/run/app.sock: connection refused"
     * @param nextAttemptIn the wait before the next attempt, jitter included
     */
    default void connectFailed(int attempt, IpcException error, Duration nextAttemptIn) {
    }

    /**
     * The last allowed attempt failed ({@link ReconnectingClient.Builder#maxAttempts}): the client
     * stops trying, and every call fails with {@link ErrorCode#UNAVAILABLE} until it is closed.
     *
     * @param attempts how many attempts failed in a row
     * @param lastError why the last one failed
     */
    default void gaveUp(int attempts, IpcException lastError) {
    }
}
