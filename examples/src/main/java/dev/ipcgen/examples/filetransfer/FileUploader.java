package dev.ipcgen.examples.filetransfer;

import static dev.ipcgen.examples.Answers.await;

import dev.ipcgen.examples.ExampleFailure;
import dev.ipcgen.runtime.Bytes;
import dev.ipcgen.runtime.CallContext;
import dev.ipcgen.runtime.Peer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * The client side of the file-transfer example: uploads one file in chunks (one-way messages),
 * never more than a window of chunks ahead of the progress the server reports back, then asks the
 * server to verify the SHA-256. It serves {@code progress_protocol} for the server's pushes.
 */
public final class FileUploader implements ProgressProtocol.Handler {

    /** How long the uploader waits for the server's progress before it gives up. */
    private static final long PROGRESS_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final PrintStream out;
    private FileProtocol.Sender files;
    /** Bytes the server reported received, and the next quarter to print; guarded by {@code this}. */
    private long acknowledged;
    private long total;
    private int nextQuarter;

    /** An uploader printing to {@code out}; {@link #connectTo} before {@link #upload}. */
    public FileUploader(PrintStream out) {
        this.out = out;
    }

    /** The connection to upload on. */
    public void connectTo(Peer server) {
        files = FileProtocol.sender(server);
    }

    @Override
    public void progress(ProgressProtocol.ProgressRequest request, CallContext context) {
        synchronized (this) {
            // Pushes from concurrent chunk handlers may arrive out of order: keep the largest.
            acknowledged = Math.max(acknowledged, request.received());
            while (nextQuarter <= 4 && acknowledged * 4 >= total * nextQuarter) {
                out.println("<- progress " + (nextQuarter * 25) + "%: " + acknowledged + " of " + total + " bytes");
                nextQuarter++;
            }
            notifyAll();
        }
    }

    /**
     * Uploads {@code file}.
     *
     * @param chunkSize bytes per chunk
     * @param window how many chunks may be sent ahead of the progress the server reported
     * @return whether the server verified the checksum
     */
    public boolean upload(Path file, int chunkSize, int window) throws IOException, InterruptedException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            byte[] sha256 = Checksums.sha256(in);
            synchronized (this) {
                acknowledged = 0;
                total = size;
                nextQuarter = 1;
            }
            String name = file.getFileName().toString();
            out.println("-> file_protocol.begin_upload(name=" + name + ", size=" + size + ", chunk_size=" + chunkSize + ")");
            long id = await(files.beginUpload(name, size, chunkSize)).transferId();
            out.println("<- transfer_id=" + id + "; sending " + (size + chunkSize - 1) / chunkSize
                    + " chunks, at most " + window + " ahead of the server");
            for (long offset = 0; offset < size; offset += chunkSize) {
                awaitAcknowledged(offset - (long) window * chunkSize + 1);
                byte[] data = new byte[(int) Math.min(chunkSize, size - offset)];
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    if (in.read(buffer, offset + buffer.position()) < 0) {
                        throw new ExampleFailure(file + " shrank while it was being sent");
                    }
                }
                files.chunk(id, offset, Bytes.wrapUnsafe(data));
            }
            awaitAcknowledged(size);
            out.println("-> file_protocol.finish_upload(transfer_id=" + id + ", sha256=" + Checksums.hex(sha256) + ")");
            FileProtocol.FinishUploadResponse done = await(files.finishUpload(id, Bytes.of(sha256)));
            out.println("<- received=" + done.received() + " sha256=" + Checksums.hex(done.sha256().toByteArray())
                    + " verified=" + done.verified());
            return done.verified();
        }
    }

    /** Waits until the server reported at least {@code bytes} received. */
    private synchronized void awaitAcknowledged(long bytes) throws InterruptedException {
        long deadline = System.nanoTime() + PROGRESS_TIMEOUT_NANOS;
        while (acknowledged < bytes) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ExampleFailure("the server reported " + acknowledged + " of " + total
                        + " bytes and then nothing for " + TimeUnit.NANOSECONDS.toSeconds(PROGRESS_TIMEOUT_NANOS) + " s");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
