package dev.ipcgen.examples.filetransfer;

import dev.ipcgen.runtime.Bytes;
import dev.ipcgen.runtime.CallContext;
import dev.ipcgen.runtime.ConnectionListener;
import dev.ipcgen.runtime.Peer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server side of the file-transfer example: receives uploads chunk by chunk into a folder,
 * pushes progress to the uploading client after every chunk, and checks the SHA-256 of the
 * written file against the client's at the end.
 *
 * <p>Chunks are one-way messages, and the runtime runs handlers concurrently, so chunks may be
 * handled out of order: each is written at its own offset, and a chunk seen twice counts once.
 */
public final class FileServer implements FileProtocol.Handler, ConnectionListener {

    /** The largest chunk a client may announce: below the default maximum frame length. */
    public static final long MAX_CHUNK_SIZE = 4L << 20;

    private final Path folder;
    private final PrintStream log;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, Upload> uploads = new ConcurrentHashMap<>();

    /**
     * @param folder where uploaded files are written, under their own file name
     * @param log where the server prints what happens
     */
    public FileServer(Path folder, PrintStream log) {
        this.folder = folder;
        this.log = log;
    }

    @Override
    public FileProtocol.BeginUploadResponse beginUpload(FileProtocol.BeginUploadRequest request, CallContext context)
            throws IOException {
        String name = request.name();
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("'" + name + "' is not a plain file name");
        }
        if (request.chunkSize() < 1 || request.chunkSize() > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunk size " + request.chunkSize() + " is not in 1.." + MAX_CHUNK_SIZE);
        }
        if (request.size() < 0 || request.size() / request.chunkSize() >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a file of " + Long.toUnsignedString(request.size())
                    + " bytes in chunks of " + request.chunkSize() + " is too many chunks");
        }
        long id = nextId.getAndIncrement();
        Path target = folder.resolve(name);
        FileChannel file = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ);
        Upload upload = new Upload(id, target, file, request.size(), request.chunkSize(), context.peer());
        uploads.put(id, upload);
        if (context.isCancelled() && uploads.remove(id, upload)) {
            // The connection closed meanwhile, perhaps before disconnected() could close the file.
            upload.abandon();
            throw new IllegalStateException("the connection closed");
        }
        log.println("[server] upload " + id + ": " + name + ", " + request.size() + " bytes in chunks of "
                + request.chunkSize());
        return new FileProtocol.BeginUploadResponse(id);
    }

    @Override
    public void chunk(FileProtocol.ChunkRequest request, CallContext context) throws IOException {
        Upload upload = uploads.get(request.transferId());
        if (upload == null || !upload.client.equals(context.peer())) {
            // One-way: nobody to answer. Thrown, it is logged and counted as a dropped message.
            throw new IllegalStateException("a chunk for upload " + request.transferId() + ", which this client has not begun");
        }
        long received = upload.write(request.offset(), request.data());
        ProgressProtocol.sender(context.peer()).progress(upload.id, received, upload.size);
    }

    @Override
    public FileProtocol.FinishUploadResponse finishUpload(FileProtocol.FinishUploadRequest request, CallContext context)
            throws IOException {
        Upload upload = uploads.get(request.transferId());
        // remove(id, upload): of two finish_upload calls at once, only one closes the file.
        if (upload == null || !upload.client.equals(context.peer()) || !uploads.remove(upload.id, upload)) {
            throw new IllegalStateException("no upload " + request.transferId() + " of this client");
        }
        byte[] digest = upload.finish();
        boolean verified = upload.received() == upload.size && Bytes.of(digest).equals(request.sha256());
        log.println("[server] upload " + upload.id + " finished: " + upload.received() + " of " + upload.size
                + " bytes, sha256 " + Checksums.hex(digest) + (verified ? ", verified" : ", NOT verified")
                + " -> " + upload.target);
        return new FileProtocol.FinishUploadResponse(upload.received(), Bytes.of(digest), verified);
    }

    @Override
    public void disconnected(Peer peer) {
        // Uploads of a client that went away are abandoned: close their files.
        uploads.values().removeIf(upload -> {
            if (!upload.client.equals(peer)) {
                return false;
            }
            log.println("[server] upload " + upload.id + " abandoned after " + upload.received() + " bytes");
            upload.abandon();
            return true;
        });
    }

    /** One upload in progress. */
    private static final class Upload {
        private final long id;
        private final Path target;
        private final FileChannel file;
        private final long size;
        private final long chunkSize;
        private final Peer client;
        /** Which chunks arrived; guarded by {@code this}. */
        private final BitSet chunks = new BitSet();
        private final AtomicLong received = new AtomicLong();

        Upload(long id, Path target, FileChannel file, long size, long chunkSize, Peer client) {
            this.id = id;
            this.target = target;
            this.file = file;
            this.size = size;
            this.chunkSize = chunkSize;
            this.client = client;
        }

        /** Writes a chunk at its offset; returns the bytes received so far. */
        long write(long offset, Bytes data) throws IOException {
            if (offset < 0 || offset % chunkSize != 0 || offset >= size
                    || data.length() != Math.min(chunkSize, size - offset)) {
                throw new IllegalArgumentException("upload " + id + ": a chunk of " + data.length()
                        + " bytes at offset " + Long.toUnsignedString(offset) + " does not fit a file of " + size
                        + " bytes in chunks of " + chunkSize);
            }
            int index = (int) (offset / chunkSize);
            synchronized (this) {
                if (chunks.get(index)) {
                    return received.get();
                }
                chunks.set(index);
            }
            ByteBuffer buffer = ByteBuffer.wrap(data.toByteArray());
            long position = offset;
            while (buffer.hasRemaining()) {
                position += file.write(buffer, position);
            }
            return received.addAndGet(data.length());
        }

        long received() {
            return received.get();
        }

        /** Closes the file and returns the SHA-256 of what it holds. */
        byte[] finish() throws IOException {
            try (FileChannel f = file) {
                return Checksums.sha256(f);
            }
        }

        void abandon() {
            try {
                file.close();
            } catch (IOException ignored) {
                // The client is gone and the file incomplete either way.
            }
        }
    }
}
