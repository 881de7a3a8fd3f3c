package dev.ipcgen.runtime;

import java.util.concurrent.CompletableFuture;

/**
 * The other end of a connection, as something to call. A client's {@code IpcConnection} is a
 * peer, and so is the caller seen from a handler ({@link CallContext#peer()}). Generated senders
 * are thin wrappers over these two methods.
 */
public interface Peer {

    /**
     * Calls a request/response message. The request is encoded on the calling thread into the
     * outgoing frame; the future completes on the endpoint's callback executor, never on an event
     * loop, with the response or an {@link IpcException}.
     */
    <Req, Resp> CompletableFuture<Resp> call(MethodDescriptor<Req, Resp> method, Req request, CallOptions options);

    /**
     * Sends a one-way message. The future completes when the frame has been written to the socket,
     * or fails with an {@link IpcException}.
     */
    <Req> CompletableFuture<Void> send(MethodDescriptor<Req, Void> method, Req request, CallOptions options);

    /** How errors and logs name this peer, e.g. {@code unix:/run/app.sock} or {@code 127.0.0.1:7000}. */
    String describe();
}
