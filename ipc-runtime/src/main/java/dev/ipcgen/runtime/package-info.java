/**
 * The ipcgen runtime: servers, clients and connections that carry generated protocols over Unix
 * domain sockets or TCP (wire format: {@code shared/design/wire-format.md}).
 *
 * <h2>Use</h2>
 * <pre>{@code
 * IpcServer server = IpcServer.builder()
 *     .listen(Endpoint.unix(Path.of("/run/app.sock")))   // or Endpoint.tcp("127.0.0.1", 7000)
 *     .serve(AppProtocol.service(impl))
 *     .start();
 * try (IpcConnection conn = IpcClient.connect(Endpoint.unix(Path.of("/run/app.sock")))) {
 *     AppProtocol.sender(conn).getUser(42).join();
 * }
 * }</pre>
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li><b>Event loops</b> (Netty; epoll, kqueue or NIO, see {@link dev.ipcgen.runtime.Transport}) own
 *       every connection's state: the table of pending calls, the calls being served, the
 *       handshake. They read frame headers and route them, and write what other threads queued.
 *       No user code ever runs on them, and no future is completed on them.</li>
 *   <li><b>Callers</b> encode their request on their own thread, straight into a pooled buffer, and
 *       hand it to the connection's write queue, which the event loop drains and flushes once per
 *       batch. Registering the call in the table is part of that write, so no lock is taken per call.</li>
 *   <li><b>The callback executor</b> decodes each answer (a retained slice of the received bytes)
 *       and completes the call's future, so {@code thenApply} and friends run there. Default: a
 *       pool of daemon threads owned by the server or connection: as many as processors while
 *       tasks flow, one more whenever its queue stalls because tasks block.</li>
 *   <li><b>The handler executor</b> decodes requests, runs handlers, and encodes their answers into
 *       pooled buffers, which go out through the same write queue. Default: the same owned pool.
 *       A handler may block, and may call back its caller through {@link dev.ipcgen.runtime.CallContext#peer()}.</li>
 * </ul>
 *
 * <h2>Around every call</h2>
 * <ul>
 *   <li><b>Interceptors</b> ({@link dev.ipcgen.runtime.ClientInterceptor},
 *       {@link dev.ipcgen.runtime.ServerInterceptor}) see each call's protocol, method, metadata,
 *       outcome and duration, may add metadata (client side) and may refuse a call with a
 *       {@link dev.ipcgen.runtime.Rejection}.</li>
 *   <li><b>Back-pressure</b> ({@link dev.ipcgen.runtime.WritePolicy}): while the peer is not reading
 *       and the outgoing buffer is past its high-water mark, callers wait or fail; nothing is
 *       buffered without bound.</li>
 *   <li><b>Keepalive and idle timeout</b> (builder options {@code keepalive}, {@code idleTimeout}):
 *       PINGs keep a quiet connection alive, and a silent peer is closed.</li>
 * </ul>
 *
 * <h2>Who may connect</h2>
 * Unix socket files are owner-only ({@code 0600}) unless the server's builder says otherwise;
 * each connection's peer credentials (uid, gid, pid where the transport tells) are read once and
 * are in every {@link dev.ipcgen.runtime.CallContext#credentials()}; a server's
 * {@link dev.ipcgen.runtime.security.Authorizer} admits or refuses each connection before its
 * HELLO; TCP endpoints may use TLS, mutual or not ({@link dev.ipcgen.runtime.security.TlsSettings}).
 * The building blocks are in {@link dev.ipcgen.runtime.security}.
 *
 * <h2>Errors</h2>
 * Every failure is an {@link dev.ipcgen.runtime.IpcException} with an {@link dev.ipcgen.runtime.ErrorCode}:
 * the wire codes 1 to 11 as the peer sent them, or a local condition such as
 * {@link dev.ipcgen.runtime.ErrorCode#CONNECTION_CLOSED}, which every pending call gets at once when its
 * connection closes.
 */
package dev.ipcgen.runtime;
