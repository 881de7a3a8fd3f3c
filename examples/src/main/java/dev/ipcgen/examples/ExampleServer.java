package dev.ipcgen.examples;

import dev.ipcgen.runtime.IpcServer;

/** How every example's {@code server} mode runs its server. */
public final class ExampleServer {

    private ExampleServer() {
    }

    /** Blocks until a client asked the server to stop. */
    @FunctionalInterface
    public interface StopRequest {
        /** Returns once the server should stop. */
        void await() throws InterruptedException;
    }

    /**
     * Prints {@code [who] listening on ENDPOINT} (and {@code detail}, if not empty), waits for
     * {@code stop}, closes the server and prints {@code [who] stopped}. SIGTERM or Ctrl-C meanwhile
     * close it too, which removes its socket file.
     */
    public static void serveUntil(IpcServer server, String who, String detail, StopRequest stop)
            throws InterruptedException {
        Thread hook = new Thread(server::close, who + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        System.out.println("[" + who + "] listening on " + server.endpoint() + detail);
        stop.await();
        server.close();
        Runtime.getRuntime().removeShutdownHook(hook);
        System.out.println("[" + who + "] stopped");
    }
}
