package dev.ipcgen.runtime;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A server in a child JVM, for tests that kill their peer: prints READY, then serves until killed. */
public final class ChildServerMain {

    private ChildServerMain() {
    }

    /** @param args the socket path */
    public static void main(String[] args) throws InterruptedException {
        IpcServer.builder().listen(Endpoint.unix(Path.of(args[0])))
                .serve(TestProtocols.calc(new ConcurrentLinkedQueue<>()))
                .start();
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
