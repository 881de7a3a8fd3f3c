package dev.ipcgen.examples;

import dev.ipcgen.runtime.Endpoint;
import dev.ipcgen.runtime.IpcClient;
import dev.ipcgen.runtime.IpcConnection;
import dev.ipcgen.runtime.Service;
import java.nio.file.Path;

/** How every example's client connects. */
public final class ExampleClient {

    private ExampleClient() {
    }

    /**
     * Connects to the server on {@code socket}, serving {@code services} to it on the same
     * connection (the protocols the server calls back); a failure to connect is an
     * {@link ExampleFailure} saying why.
     */
    public static IpcConnection connect(Path socket, Service... services) {
        return ExampleFailure.reporting(() -> {
            IpcClient.Builder client = IpcClient.builder();
            for (Service service : services) {
                client.serve(service);
            }
            return client.connect(Endpoint.unix(socket));
        });
    }
}
