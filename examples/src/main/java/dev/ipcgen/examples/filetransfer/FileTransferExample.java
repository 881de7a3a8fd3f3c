package dev.ipcgen.examples.filetransfer;

import dev.ipcgen.examples.Example;
import dev.ipcgen.examples.ExampleArgs;
import dev.ipcgen.examples.ExampleClient;
import dev.ipcgen.examples.ExampleFailure;
import dev.ipcgen.examples.ExampleFiles;
import dev.ipcgen.runtime.Endpoint;
import dev.ipcgen.runtime.IpcConnection;
import dev.ipcgen.runtime.IpcException;
import dev.ipcgen.runtime.IpcServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;

/**
 * The file-transfer example: a client uploads a file to a server in chunks over one Unix socket;
 * the server writes it to a folder, pushes progress back after every chunk, and verifies the
 * SHA-256 at the end.
 *
 * <ul>
 *   <li>{@code demo [--size BYTES] [--chunk-size BYTES] [--window CHUNKS]}: server and client in
 *       this process, uploading a file of random bytes between two temporary folders;
 *   <li>{@code server --socket PATH --dir FOLDER}: receives uploads into FOLDER until stopped
 *       (SIGTERM or Ctrl-C; the socket file is removed);
 *   <li>{@code client --socket PATH --file FILE [--chunk-size BYTES] [--window CHUNKS]}: uploads
 *       FILE; exit status 1 unless the server verified it.
 * </ul>
 */
public final class FileTransferExample implements Example {

    private static final long DEFAULT_CHUNK_SIZE = 64 * 1024;
    private static final long DEFAULT_WINDOW = 8;

    @Override
    public int run(ExampleArgs args) throws InterruptedException {
        switch (args.mode()) {
            case "demo" -> {
                args.allowOnly(Set.of("size", "chunk-size", "window"));
                long size = args.unsignedLong("size", 1 << 20);
                if (Long.compareUnsigned(size, 1L << 30) > 0) {
                    throw new ExampleArgs.UsageException("--size takes at most 1 GiB (1073741824), not " + Long.toUnsignedString(size));
                }
                return demo(size, chunkSize(args), window(args)) ? 0 : 1;
            }
            case "server" -> {
                args.allowOnly(Set.of("socket", "dir"));
                serve(args.socket(), folder(args));
                return 0;
            }
            default -> {
                args.allowOnly(Set.of("socket", "file", "chunk-size", "window"));
                Path file = Path.of(args.option("file").orElseThrow(() -> new ExampleArgs.UsageException("client needs --file FILE")));
                return client(args.socket(), file, chunkSize(args), window(args)) ? 0 : 1;
            }
        }
    }

    private static int chunkSize(ExampleArgs args) {
        long chunk = args.unsignedLong("chunk-size", DEFAULT_CHUNK_SIZE);
        if (chunk < 1 || chunk > FileServer.MAX_CHUNK_SIZE) {
            throw new ExampleArgs.UsageException("--chunk-size takes 1 to " + FileServer.MAX_CHUNK_SIZE + " bytes, not " + chunk);
        }
        return (int) chunk;
    }

    private static int window(ExampleArgs args) {
        long window = args.unsignedLong("window", DEFAULT_WINDOW);
        if (window < 1 || window > 1024) {
            throw new ExampleArgs.UsageException("--window takes 1 to 1024 chunks, not " + window);
        }
        return (int) window;
    }

    private static Path folder(ExampleArgs args) {
        Path folder = Path.of(args.option("dir").orElseThrow(() -> new ExampleArgs.UsageException("server needs --dir FOLDER")));
        if (!Files.isDirectory(folder)) {
            throw new ExampleFailure("--dir " + folder + " is not a folder");
        }
        return folder;
    }

    private static boolean demo(long size, int chunkSize, int window) throws InterruptedException {
        Path dir = ExampleFiles.tempDir();
        Path socket = dir.resolve("files.sock");
        Path source = dir.resolve("source.bin");
        Path received = dir.resolve("received");
        try {
            byte[] content = new byte[(int) size];
            new Random().nextBytes(content);
            Files.write(source, content);
            Files.createDirectory(received);
            try (IpcServer server = start(socket, new FileServer(received, System.out))) {
                System.out.println("[demo] file server listening on " + server.endpoint() + ", writing to " + received);
                boolean verified = upload(socket, source, chunkSize, window);
                boolean same = verified && Files.mismatch(source, received.resolve(source.getFileName())) == -1;
                System.out.println("[demo] the received file " + (same ? "equals" : "DIFFERS FROM") + " the source");
                System.out.println("[demo] done");
                return same;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            ExampleFiles.deleteQuietly(received.resolve(source.getFileName()));
            ExampleFiles.deleteQuietly(received);
            ExampleFiles.deleteQuietly(source);
            ExampleFiles.deleteQuietly(socket);
            ExampleFiles.deleteQuietly(dir);
        }
    }

    private static void serve(Path socket, Path folder) throws InterruptedException {
        IpcServer server = start(socket, new FileServer(folder, System.out));
        // SIGTERM and Ctrl-C remove the socket file.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println("[server] stopped");
        }, "file-server-shutdown"));
        System.out.println("[server] listening on " + server.endpoint() + ", writing to " + folder);
        server.closeFuture().join();
    }

    private static boolean client(Path socket, Path file, int chunkSize, int window) throws InterruptedException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ExampleFailure("cannot read " + file + ": not a readable file");
        }
        return upload(socket, file, chunkSize, window);
    }

    private static boolean upload(Path socket, Path file, int chunkSize, int window) throws InterruptedException {
        FileUploader uploader = new FileUploader(System.out);
        try (IpcConnection connection = ExampleClient.connect(socket, ProgressProtocol.service(uploader))) {
            uploader.connectTo(connection);
            return uploader.upload(file, chunkSize, window);
        } catch (IpcException e) {
            throw new ExampleFailure(e.getMessage());
        } catch (IOException e) {
            throw new ExampleFailure("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static IpcServer start(Path socket, FileServer files) {
        return ExampleFailure.reporting(() -> IpcServer.builder()
                .listen(Endpoint.unix(socket))
                .serve(FileProtocol.service(files))
                .connectionListener(files)
                .start());
    }
}
