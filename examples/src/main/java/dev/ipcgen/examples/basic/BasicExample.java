package dev.ipcgen.examples.basic;

import dev.ipcgen.examples.Example;
import dev.ipcgen.examples.ExampleArgs;
import dev.ipcgen.examples.ExampleClient;
import dev.ipcgen.examples.ExampleFailure;
import dev.ipcgen.examples.ExampleFiles;
import dev.ipcgen.examples.ExampleServer;
import dev.ipcgen.runtime.Endpoint;
import dev.ipcgen.runtime.IpcConnection;
import dev.ipcgen.runtime.IpcException;
import dev.ipcgen.runtime.IpcServer;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The basic example: two protocols on one handler, over one Unix socket.
 *
 * <ul>
 *   <li>{@code demo}: server and client in this process, over a socket in a fresh temp folder;
 *   <li>{@code server --socket PATH}: serves until a client calls {@code admin_protocol.shutdown}
 *       (or the process is stopped);
 *   <li>{@code client --socket PATH [--id N] [--message TEXT] [--shutdown]}: one conversation.
 * </ul>
 */
public final class BasicExample implements Example {

    @Override
    public int run(ExampleArgs args) throws InterruptedException {
        switch (args.mode()) {
            case "demo" -> {
                args.allowOnly(Set.of("id", "message"));
                demo(args.unsignedLong("id", 42), args.option("message").orElse("hello from the demo"));
            }
            case "server" -> {
                args.allowOnly(Set.of("socket"));
                serve(args.socket());
            }
            default -> {
                args.allowOnly(Set.of("socket", "id", "message", "shutdown"));
                client(args.socket(), args.unsignedLong("id", 42), args.option("message").orElse("hello"),
                        args.option("shutdown").isPresent());
            }
        }
        return 0;
    }

    private static void demo(long userId, String message) throws InterruptedException {
        Path dir = ExampleFiles.tempDir();
        Path socket = dir.resolve("basic.sock");
        AtomicReference<IpcServer> ref = new AtomicReference<>();
        try (IpcServer server = start(socket, new UserDirectory(System.out, () -> ref.get().connectionCount()))) {
            ref.set(server);
            System.out.println("[demo] server listening on " + server.endpoint());
            try (IpcConnection connection = ExampleClient.connect(socket)) {
                new BasicClient(connection, System.out).run(userId, message, false);
            }
        } finally {
            ExampleFiles.deleteQuietly(socket);
            ExampleFiles.deleteQuietly(dir);
        }
        System.out.println("[demo] done");
    }

    private static void serve(Path socket) throws InterruptedException {
        AtomicReference<IpcServer> ref = new AtomicReference<>();
        UserDirectory directory = new UserDirectory(System.out, () -> ref.get().connectionCount());
        IpcServer server = start(socket, directory);
        ref.set(server);
        ExampleServer.serveUntil(server, "server", "", directory::awaitShutdownRequest);
    }

    private static void client(Path socket, long userId, String message, boolean shutdown) throws InterruptedException {
        try (IpcConnection connection = ExampleClient.connect(socket)) {
            new BasicClient(connection, System.out).run(userId, message, shutdown);
        } catch (IpcException e) {
            throw new ExampleFailure(e.getMessage());
        }
    }

    private static IpcServer start(Path socket, UserDirectory directory) {
        return ExampleFailure.reporting(() -> IpcServer.builder()
                .listen(Endpoint.unix(socket))
                .serve(AppProtocol.service(directory))
                .serve(AdminProtocol.service(directory))
                .start());
    }
}
