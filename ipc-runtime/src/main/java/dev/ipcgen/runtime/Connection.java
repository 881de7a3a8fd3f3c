package dev.ipcgen.runtime;

import dev.ipcgen.runtime.codec.Bincode;
import dev.ipcgen.runtime.codec.Codecs;
import dev.ipcgen.runtime.security.AuthorizationGate;
import dev.ipcgen.runtime.security.AuthorizationRequest;
import dev.ipcgen.runtime.security.PeerCredentials;
import dev.ipcgen.runtime.security.PeerCredentialsReader;
import dev.ipcgen.runtime.security.TlsMismatchException;
import dev.ipcgen.runtime.security.TlsPeer;
import dev.ipcgen.runtime.wire.ErrorBody;
import dev.ipcgen.runtime.wire.Frame;
import dev.ipcgen.runtime.wire.Frames;
import dev.ipcgen.runtime.wire.GoAway;
import dev.ipcgen.runtime.wire.Hello;
import dev.ipcgen.runtime.wire.WireException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.LongObjectHashMap;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * One connection, either side: the last handler of the pipeline, after the {@link
 * dev.ipcgen.runtime.wire.FrameDecoder}. It sends this end's HELLO, checks the peer's, routes
 * REQUEST and ONEWAY frames to services and answers to pending calls, and is the {@link Peer} that
 * both a client and a handler ({@link CallContext#peer()}) call through.
 *
 * <p>Threads: the call table, the set of calls being served and the handshake state belong to the
 * event loop. Other threads encode their frames themselves and hand them over through the
 * {@link WriteQueue}; answers are decoded and futures completed on the callback executor.
 */
final class Connection extends ChannelInboundHandlerAdapter implements Peer {

    private static final InternalLogger log = InternalLoggerFactory.getInstance(Connection.class);

    private final EndpointConfig config;
    private final WriteQueue writeQueue = new WriteQueue(this);
    private final WriteGate writeGate = new WriteGate(this);
    private final AtomicLong nextCallId = new AtomicLong(1);
    private final Set<Integer> fingerprintWarnings = ConcurrentHashMap.newKeySet();
    /** Completes (on the callback executor) when the peer's HELLO has arrived. */
    final CompletableFuture<Hello> ready = new CompletableFuture<>();

    private volatile String peerName;
    /** Whether this is a server's connection, whose name gains the client's pid once known. */
    private final boolean serverSide;
    /**
     * When a server's connection was accepted: its HELLO must arrive within the handshake timeout of
     * this, so a TLS handshake and authorization before {@link #channelActive} count against it.
     */
    private final long acceptedNanos = System.nanoTime();
    private volatile PeerCredentials credentials = PeerCredentials.unknown();
    private volatile Optional<X509Certificate> tlsCertificate = Optional.empty();
    private volatile Optional<String> tlsSubject = Optional.empty();
    private volatile ChannelHandlerContext ctx;
    private volatile boolean closed;
    private volatile String closeReason;
    private volatile IntObjectHashMap<ProtocolInfo> remoteProtocols;
    private volatile long peerMaxFrameLength = Frames.MIN_MAX_FRAME_LENGTH;
    /** Why no new call may start here: this end or the peer sent GOAWAY. */
    private volatile String goAwayReason;

    // Owned by the event loop.
    private final LongObjectHashMap<PendingCall<?>> calls = new LongObjectHashMap<>();
    private final LongObjectHashMap<ServerCall> serving = new LongObjectHashMap<>();
    private boolean helloReceived;
    private boolean failed;
    private boolean needsFlush;
    private ScheduledFuture<?> handshakeTimer;
    private boolean goingAway;
    /** Keepalive and idle timeout; {@code null} when neither is configured, or before the peer's HELLO. */
    private IdleMonitor idleMonitor;
    /** Completes after {@link ConnectionListener#connected} ran; {@code disconnected} follows it. */
    private CompletableFuture<Void> listenerConnected;
    /** Requests of one read, for the endpoint's own pool; {@code null} for an executor of the user's. */
    private final TaskBatcher handlerBatch;
    /** Answers of one read, likewise. */
    private final TaskBatcher callbackBatch;

    /** @param peerName how errors and logs name the peer */
    Connection(EndpointConfig config, String peerName) {
        this(config, peerName, false);
    }

    /**
     * @param peerName how errors and logs name the peer until its credentials are known
     * @param serverSide whether this is a server's connection: its name becomes
     *     {@code client pid N (uid U) on ENDPOINT} once the client's pid is known
     */
    Connection(EndpointConfig config, String peerName, boolean serverSide) {
        this.config = config;
        this.peerName = peerName;
        this.serverSide = serverSide;
        // Only the endpoint's own pool can rescue a batch whose task blocks (TaskBatch); an executor
        // of the user's gets each task on its own.
        handlerBatch = config.handlerExecutor() instanceof WorkerPool
                ? new TaskBatcher((WorkerPool) config.handlerExecutor(), this::refused) : null;
        callbackBatch = config.callbackExecutor() instanceof WorkerPool
                ? new TaskBatcher((WorkerPool) config.callbackExecutor(), this::refused) : null;
    }

    EndpointConfig config() {
        return config;
    }

    EventLoop eventLoop() {
        return ctx.channel().eventLoop();
    }

    Channel channel() {
        return ctx.channel();
    }

    ByteBufAllocator alloc() {
        return ctx.alloc();
    }

    long peerMaxFrameLength() {
        return peerMaxFrameLength;
    }

    boolean isClosed() {
        return closed;
    }

    /** Whether the connection is closed, or either end sent GOAWAY: it starts no new call. */
    boolean isClosing() {
        return closed || goAwayReason != null;
    }

    /** The protocols the peer serves, from its HELLO; empty before it arrived. */
    List<ProtocolInfo> remoteProtocols() {
        IntObjectHashMap<ProtocolInfo> r = remoteProtocols;
        return r == null ? List.of() : List.copyOf(r.values());
    }

    @Override
    public String describe() {
        return peerName;
    }

    @Override
    public String toString() {
        return "Connection[" + peerName + "]";
    }

    @Override
    public PeerCredentials credentials() {
        return credentials;
    }

    @Override
    public Optional<X509Certificate> tlsCertificate() {
        return tlsCertificate;
    }

    @Override
    public Optional<String> tlsSubject() {
        return tlsSubject;
    }

    /**
     * The connection {@code o} stands for: a connection, the peer its handlers see ({@link CallPeer})
     * or a client's {@link IpcConnection}; {@code null} for anything else.
     */
    static Connection of(Object o) {
        if (o instanceof Connection c) {
            return c;
        }
        if (o instanceof CallPeer p) {
            return p.connection();
        }
        return o instanceof IpcConnection i ? i.connection() : null;
    }

    /** Equal to every object that stands for this connection ({@link #of}): one connection, one identity. */
    @Override
    public boolean equals(Object o) {
        return o == this || of(o) == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    // ---- calls out -------------------------------------------------------------------------

    @Override
    public <Req, Resp> CompletableFuture<Resp> call(MethodDescriptor<Req, Resp> method, Req request, CallOptions options) {
        ClientInterceptor[] interceptors = config.clientInterceptors();
        if (interceptors.length == 0) {
            return startCall(method, request, options);
        }
        return ClientInterception.around(this, interceptors, method, options, o -> startCall(method, request, o));
    }

    private <Req, Resp> CompletableFuture<Resp> startCall(MethodDescriptor<Req, Resp> method, Req request,
            CallOptions options) {
        if (method.isOneWay()) {
            return CompletableFuture.failedFuture(IpcException.callFailed(ErrorCode.BAD_REQUEST, method.fullName(),
                    describe(), method.name() + " is one-way: send it, do not call it"));
        }
        IpcException refused = refuse(method);
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        long waited;
        try {
            waited = writeGate.await(method, options);
        } catch (IpcException e) {
            return CompletableFuture.failedFuture(e);
        }
        long callId = nextCallId.getAndIncrement();
        long timeoutNanos = -1;
        int flags = 0;
        if (options.timeout().isPresent()) {
            timeoutNanos = Math.max(0, saturatedNanos(options) - waited);
            flags = Frames.FLAG_TIMEOUT;
        }
        Map<String, Bytes> metadata = options.metadata();
        if (!metadata.isEmpty()) {
            flags |= Frames.FLAG_METADATA;
        }
        ByteBuf out = alloc().ioBuffer();
        try {
            int start = Frames.begin(out, Frames.REQUEST, flags, method.index(), method.protocolId(), callId);
            if ((flags & Frames.FLAG_TIMEOUT) != 0) {
                out.writeLongLE(TimeUnit.NANOSECONDS.toMicros(timeoutNanos));
            }
            if (!metadata.isEmpty()) {
                Bincode.writeMap(out, metadata, Codecs.STRING, Codecs.BYTES);
            }
            method.requestCodec().encode(out, request);
            long length = Frames.end(out, start);
            long max = peerMaxFrameLength;
            if (length > max) {
                out.release();
                return CompletableFuture.failedFuture(IpcException.callFailed(ErrorCode.FRAME_TOO_LARGE,
                        method.fullName(), describe(), "the request of " + length
                                + " bytes exceeds the peer's maximum frame length of " + max));
            }
        } catch (RuntimeException e) {
            out.release();
            return CompletableFuture.failedFuture(IpcException.callFailed(ErrorCode.BAD_REQUEST, method.fullName(),
                    describe(), "cannot encode the request: " + e.getMessage()));
        }
        PendingCall<Resp> call = new PendingCall<>(this, method, callId, out, timeoutNanos);
        writeGate.queued(out.readableBytes());
        writeQueue.enqueue(call);
        return call.future;
    }

    /** The call's timeout in nanoseconds, {@link Long#MAX_VALUE} when too long to count. */
    static long saturatedNanos(CallOptions options) {
        return saturatedNanos(options.timeout().orElseThrow());
    }

    /** {@code d} in nanoseconds, {@link Long#MAX_VALUE} when too long to count. */
    static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public <Req> CompletableFuture<Void> send(MethodDescriptor<Req, Void> method, Req request, CallOptions options) {
        ClientInterceptor[] interceptors = config.clientInterceptors();
        if (interceptors.length == 0) {
            return startSend(method, request, options);
        }
        return ClientInterception.around(this, interceptors, method, options, o -> startSend(method, request, o));
    }

    private <Req> CompletableFuture<Void> startSend(MethodDescriptor<Req, Void> method, Req request, CallOptions options) {
        if (!method.isOneWay()) {
            return CompletableFuture.failedFuture(IpcException.callFailed(ErrorCode.BAD_REQUEST, method.fullName(),
                    describe(), method.name() + " has a response: call it, do not send it"));
        }
        IpcException refused = refuse(method);
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        try {
            writeGate.await(method, options);
        } catch (IpcException e) {
            return CompletableFuture.failedFuture(e);
        }
        ByteBuf out = alloc().ioBuffer();
        try {
            Map<String, Bytes> metadata = options.metadata();
            int start = Frames.begin(out, Frames.ONEWAY, metadata.isEmpty() ? 0 : Frames.FLAG_METADATA,
                    method.index(), method.protocolId(), 0);
            if (!metadata.isEmpty()) {
                Bincode.writeMap(out, metadata, Codecs.STRING, Codecs.BYTES);
            }
            method.requestCodec().encode(out, request);
            long length = Frames.end(out, start);
            long max = peerMaxFrameLength;
            if (length > max) {
                out.release();
                return CompletableFuture.failedFuture(IpcException.callFailed(ErrorCode.FRAME_TOO_LARGE,
                        method.fullName(), describe(), "the message of " + length
                                + " bytes exceeds the peer's maximum frame length of " + max));
            }
        } catch (RuntimeException e) {
            out.release();
            return CompletableFuture.failedFuture(IpcException.callFailed(ErrorCode.BAD_REQUEST, method.fullName(),
                    describe(), "cannot encode the message: " + e.getMessage()));
        }
        OneWaySend send = new OneWaySend(this, method, out);
        writeGate.queued(out.readableBytes());
        writeQueue.enqueue(send);
        return send.future;
    }

    /** Bytes of calls and one-way messages waiting to be written on this end (queued and buffered). */
    long pendingWriteBytes() {
        return writeGate.pendingBytes();
    }

    /** On the event loop: a REQUEST or ONEWAY of {@code bytes} left the write queue. */
    void dequeued(int bytes) {
        writeGate.dequeued(bytes);
    }

    /** On the event loop, after a drained batch: callers waiting for room may go on. */
    void signalWritable() {
        writeGate.signal();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            signalWritable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    /** Why a call to {@code method} cannot be made here at all, or {@code null}. */
    private IpcException refuse(MethodDescriptor<?, ?> method) {
        if (closed || ctx == null) {
            return closedError(method.fullName());
        }
        String goAway = goAwayReason;
        if (goAway != null) {
            return IpcException.callFailed(ErrorCode.UNAVAILABLE, method.fullName(), describe(), goAway);
        }
        IntObjectHashMap<ProtocolInfo> remote = remoteProtocols;
        if (remote == null) {
            return null;
        }
        ProtocolInfo served = remote.get(method.protocolId());
        if (served != null) {
            ProtocolDescriptor mine = method.protocol();
            if (served.fingerprint() == 0 || mine == null || mine.fingerprint() == 0
                    || mine.fingerprint() == served.fingerprint()) {
                return null;
            }
            return fingerprintMismatch(method, mine, served);
        }
        String detail = null;
        for (ProtocolInfo p : remote.values()) {
            if (p.name().equals(method.protocolName())) {
                detail = "peer serves " + p.name() + " version " + p.version() + "; this side speaks version "
                        + method.protocolVersion();
            }
        }
        if (detail == null) {
            detail = "peer does not serve " + method.protocolName() + "@" + method.protocolVersion()
                    + (remote.isEmpty() ? "; it serves nothing" : "; it serves " + remote.values().stream()
                            .map(ProtocolInfo::toString).sorted().collect(Collectors.joining(", ")));
        }
        return IpcException.callFailed(ErrorCode.UNKNOWN_PROTOCOL, method.fullName(), describe(), detail);
    }

    /** A protocol served with another fingerprint: logged once per protocol, or refused when strict. */
    private IpcException fingerprintMismatch(MethodDescriptor<?, ?> method, ProtocolDescriptor mine, ProtocolInfo served) {
        String detail = String.format("peer serves %s@%d with fingerprint 0x%016X; this side's has 0x%016X "
                + "(appended messages or Option fields are compatible; anything else may not be)",
                mine.name(), mine.version(), served.fingerprint(), mine.fingerprint());
        if (config.strictFingerprints()) {
            return IpcException.callFailed(ErrorCode.UNKNOWN_PROTOCOL, method.fullName(), describe(), detail);
        }
        if (fingerprintWarnings.add(mine.id())) {
            log.warn("{}: {}", describe(), detail);
        }
        return null;
    }

    /** The error of a call that cannot finish because the connection is closed. */
    IpcException closedError(String callName) {
        String reason = closeReason;
        return IpcException.callFailed(ErrorCode.CONNECTION_CLOSED, callName, describe(),
                reason != null ? reason : "connection closed");
    }

    void enqueue(WriteCommand command) {
        writeQueue.enqueue(command);
    }

    /** Runs {@code task} on the event loop, or drops it if the event loop is gone (nothing left to do). */
    void onEventLoop(Runnable task) {
        if (ctx == null) {
            return;
        }
        try {
            eventLoop().execute(task);
        } catch (RejectedExecutionException e) {
            // The connection is over; every call on it has failed already.
        }
    }

    /**
     * On the event loop, while reading: runs {@code task} on the callback executor, with the other
     * answers of the same read when that is the endpoint's own pool.
     */
    void runCallbackAfterRead(Runnable task) {
        if (callbackBatch != null) {
            callbackBatch.add(task);
        } else {
            runCallback(task);
        }
    }

    /** Runs {@code task} on the callback executor, or here if that executor is gone. */
    void runCallback(Runnable task) {
        try {
            config.callbackExecutor().execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    // ---- event loop: writes and the call table --------------------------------------------

    /** Adds a call to the table; false if the connection is closed. */
    boolean register(PendingCall<?> call) {
        if (closed) {
            return false;
        }
        calls.put(call.callId, call);
        return true;
    }

    /** Removes a call from the table; false if it was no longer there. */
    boolean unregister(PendingCall<?> call) {
        if (calls.remove(call.callId) == null) {
            return false;
        }
        closeIfDrained();
        return true;
    }

    /** Whether {@code call} is still waiting for its answer (not answered, timed out or cancelled). */
    boolean isServing(ServerCall call) {
        return call.callId() == 0 || serving.get(call.callId()) == call;
    }

    /** The answer of {@code call} is written. */
    void finishServing(ServerCall call) {
        if (call.callId() != 0 && serving.remove(call.callId()) != null) {
            if (call.deadline != null) {
                call.deadline.cancel(false);
                call.deadline = null;
            }
            closeIfDrained();
        }
    }

    /** Answers a call being served without its handler (deadline passed, or cancelled by the caller). */
    private void answerWithoutHandler(ServerCall call, ErrorCode code, String message) {
        if (serving.get(call.callId()) != call) {
            return;
        }
        serving.remove(call.callId());
        call.reportEnded(code);
        call.cancel();
        MethodDescriptor<?, ?> m = call.method();
        write(Frames.error(ctx.alloc(), m.protocolId(), m.index(), call.callId(), code.value(), message));
        ctx.flush();
        closeIfDrained();
    }

    /**
     * Starts a graceful close (wire-format.md section 2, GOAWAY): sends GOAWAY, starts no new calls,
     * answers new REQUESTs with UNAVAILABLE, and closes once no call is in flight in either direction,
     * or when {@code graceMillis} have passed. Any thread.
     */
    void goAway(String reason, long graceMillis) {
        if (ctx == null || closed) {
            return;
        }
        goAwayReason = "this end is closing the connection (GOAWAY: " + reason + ")";
        try {
            eventLoop().execute(() -> {
                if (closed || goingAway) {
                    return;
                }
                goingAway = true;
                if (closeReason == null) {
                    closeReason = "connection closed by this end (GOAWAY: " + reason + ")";
                }
                ctx.writeAndFlush(Frames.goAway(ctx.alloc(), reason), ctx.voidPromise());
                ctx.executor().schedule(() -> ctx.close(), graceMillis, TimeUnit.MILLISECONDS);
                closeIfDrained();
            });
        } catch (RejectedExecutionException e) {
            // The event loop is gone, so is the connection.
        }
    }

    /** After GOAWAY, closes once the last call in flight is answered, after that answer is written. */
    private void closeIfDrained() {
        if (goingAway && serving.isEmpty() && calls.isEmpty() && !closed) {
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    void write(ByteBuf frame) {
        ctx.write(frame, ctx.voidPromise());
    }

    void write(ByteBuf frame, ChannelFutureListener listener) {
        ctx.write(frame).addListener(listener);
    }

    void flush() {
        ctx.flush();
    }

    void cancel(MethodDescriptor<?, ?> method, long callId) {
        if (!closed) {
            ctx.writeAndFlush(Frames.cancel(ctx.alloc(), method.protocolId(), method.index(), callId), ctx.voidPromise());
        }
    }

    // ---- event loop: the pipeline ----------------------------------------------------------

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        identifyPeer(ctx);
        ctx.writeAndFlush(new Hello(config.maxFrameLength(), config.services().served()).encode(ctx.alloc()),
                ctx.voidPromise());
        long timeout = TimeUnit.MILLISECONDS.toNanos(config.handshakeTimeoutMillis());
        if (serverSide) {
            timeout = Math.max(0, timeout - (System.nanoTime() - acceptedNanos));
        }
        handshakeTimer = ctx.executor().schedule(this::handshakeTimedOut, timeout, TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    /**
     * Once per connection: the peer's credentials and TLS certificate as a server's
     * {@link AuthorizationGate} recorded them, or, without a gate (a client), read here.
     */
    private void identifyPeer(ChannelHandlerContext ctx) {
        AuthorizationRequest known = ctx.channel().attr(AuthorizationGate.PEER).get();
        if (known != null) {
            credentials = known.credentials();
            tlsCertificate = known.peerCertificate();
            tlsSubject = known.tlsSubject();
        } else {
            credentials = PeerCredentialsReader.read(ctx.channel());
        }
        PeerCredentials c = credentials;
        if (serverSide && c.pid().isPresent()) {
            peerName = "client pid " + c.pid().getAsLong() + c.uid().stream().mapToObj(u -> " (uid " + u + ")")
                    .findFirst().orElse("") + " on " + config.local();
        }
    }

    /** A client learns the server's TLS certificate once the handshake is done, i.e. by the server's HELLO. */
    private void identifyTlsPeer(ChannelHandlerContext ctx) {
        SslHandler tls = ctx.pipeline().get(SslHandler.class);
        if (tls != null) {
            tlsCertificate = TlsPeer.certificate(tls.engine().getSession());
            tlsSubject = tlsCertificate.map(cert -> cert.getSubjectX500Principal().getName());
        }
    }

    private void handshakeTimedOut() {
        if (!helloReceived && !failed) {
            failConnection(new WireException(ErrorCode.PROTOCOL_ERROR, "no HELLO within "
                    + config.handshakeTimeoutMillis() + " ms"));
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Frame frame = (Frame) msg;
        boolean release = true;
        try {
            if (failed) {
                return;
            }
            if (!helloReceived) {
                onFirstFrame(frame);
                return;
            }
            switch (frame.kind()) {
                case Frames.REQUEST:
                    release = !onRequest(frame);
                    break;
                case Frames.ONEWAY:
                    release = !onOneWay(frame);
                    break;
                case Frames.RESPONSE:
                case Frames.ERROR:
                    release = !onAnswer(frame);
                    break;
                case Frames.HELLO:
                    throw new WireException(ErrorCode.PROTOCOL_ERROR, "a second HELLO");
                case Frames.CANCEL:
                    ServerCall cancelled = serving.get(frame.callId());
                    if (cancelled != null) {
                        answerWithoutHandler(cancelled, ErrorCode.CANCELLED, "cancelled by the caller");
                    }
                    break;
                case Frames.GOAWAY:
                    onGoAway(GoAway.decode(frame.body()));
                    break;
                case Frames.PING:
                    write(Frames.ping(ctx.alloc(), Frames.PONG, frame.body().getLongLE(frame.body().readerIndex())));
                    needsFlush = true;
                    break;
                default:
                    break;
            }
        } catch (WireException e) {
            failConnection(e);
        } finally {
            if (release) {
                frame.release();
            }
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        flushBatches();
        if (idleMonitor != null) {
            idleMonitor.frameRead();
        }
        if (needsFlush) {
            needsFlush = false;
            ctx.flush();
        }
        ctx.fireChannelReadComplete();
    }

    private void onFirstFrame(Frame frame) {
        if (frame.kind() == Frames.HELLO) {
            Hello hello = Hello.decode(frame.body());
            helloReceived = true;
            if (tlsCertificate.isEmpty()) {
                identifyTlsPeer(ctx);
            }
            cancelHandshakeTimer();
            idleMonitor = IdleMonitor.start(this, ctx, config);
            IntObjectHashMap<ProtocolInfo> byId = new IntObjectHashMap<>();
            for (ProtocolInfo p : hello.protocols()) {
                byId.put(p.id(), p);
            }
            peerMaxFrameLength = hello.maxFrameLength();
            remoteProtocols = byId;
            runCallback(() -> ready.complete(hello));
            ConnectionListener listener = config.listener();
            if (listener != null) {
                listenerConnected = ready.thenAcceptAsync(h -> notifyListener(listener, true), config.callbackExecutor());
            }
            return;
        }
        if (frame.kind() == Frames.ERROR && frame.callId() == 0) {
            ErrorBody error = ErrorBody.decode(frame.body());
            if (ErrorCode.fromWire(error.code()) == ErrorCode.UNAUTHORIZED) {
                peerClosing(error);
                return;
            }
        }
        throw new WireException(ErrorCode.PROTOCOL_ERROR, "the first frame is " + Frames.kindName(frame.kind())
                + " (expected: HELLO)");
    }

    /** Called by the {@link IdleMonitor}: the peer was silent past the idle timeout. */
    void idleTimedOut(String reason) {
        idleMonitor = null;
        closeReason = reason;
        log.info("{}: {}", describe(), reason);
        ctx.close();
    }

    private void onGoAway(GoAway goAway) {
        log.debug("{} sent GOAWAY: {}", describe(), goAway.reason());
        if (goAwayReason == null) {
            goAwayReason = "the peer is closing the connection (GOAWAY: " + goAway.reason() + ")";
        }
        if (closeReason == null) {
            closeReason = "connection closed by the peer (GOAWAY: " + goAway.reason() + ")";
        }
    }

    /** Returns whether the frame's body now belongs to a {@link ServerCall}. */
    private boolean onRequest(Frame frame) {
        long callId = frame.callId();
        if (callId == 0) {
            throw new WireException(ErrorCode.PROTOCOL_ERROR, "a REQUEST with call id 0");
        }
        if (serving.containsKey(callId)) {
            throw new WireException(ErrorCode.PROTOCOL_ERROR, "a REQUEST reuses call id "
                    + Long.toUnsignedString(callId) + " of a call still in flight");
        }
        Service service = config.services().get(frame.protocol());
        Service.MethodBinding<?, ?> binding = route(frame, service);
        if (binding == null) {
            return false;
        }
        if (binding.method().isOneWay()) {
            answerError(frame, ErrorCode.BAD_REQUEST, binding.method().name() + " is one-way");
            return false;
        }
        if (goingAway) {
            answerError(frame, ErrorCode.UNAVAILABLE, config.local() + " is shutting down");
            return false;
        }
        if (serving.size() >= config.maxConcurrentCalls()) {
            answerError(frame, ErrorCode.RESOURCE_EXHAUSTED, serving.size()
                    + " calls are in flight on this connection (limit " + config.maxConcurrentCalls() + ")");
            return false;
        }
        long timeout = frame.timeoutMicros();
        if (timeout == 0) {
            answerError(frame, ErrorCode.DEADLINE_EXCEEDED, "the call arrived with no time left");
            return false;
        }
        ServerCall call = new ServerCall(this, binding, callId, frame.metadata(), frame.body());
        serving.put(callId, call);
        if (timeout > 0) {
            call.deadlineNanos(timeout);
            call.deadline = ctx.executor().schedule(() -> answerWithoutHandler(call, ErrorCode.DEADLINE_EXCEEDED,
                    "no answer within the caller's timeout of " + timeout + " microseconds"), timeout, TimeUnit.MICROSECONDS);
        }
        dispatch(call, service.isInline());
        return true;
    }

    /**
     * Runs {@code call} here if its service is {@link Service#inline() inline}, else hands it to the
     * handler executor, with the other requests of the same read when that is the endpoint's own pool.
     */
    private void dispatch(ServerCall call, boolean inline) {
        if (inline) {
            call.run();
            return;
        }
        if (handlerBatch != null) {
            handlerBatch.add(call);
            return;
        }
        try {
            config.handlerExecutor().execute(call);
        } catch (RejectedExecutionException e) {
            refused(call);
        }
    }

    /** A task the executor would not take (it is shutting down): a call is answered UNAVAILABLE, an answer completed here. */
    private void refused(Runnable task) {
        if (!(task instanceof ServerCall)) {
            task.run();
            return;
        }
        ServerCall call = (ServerCall) task;
        MethodDescriptor<?, ?> m = call.method();
        call.discard();
        if (m.isOneWay()) {
            // Counted before the interceptors hear of it, so whoever sees the outcome sees the count.
            config.stats().oneWayDropped();
            call.reportEnded(ErrorCode.UNAVAILABLE);
            log.debug("dropped a ONEWAY {} from {}: the handler executor refused it", m.fullName(), describe());
            return;
        }
        call.reportEnded(ErrorCode.UNAVAILABLE);
        serving.remove(call.callId());
        call.cancel();
        write(Frames.error(ctx.alloc(), m.protocolId(), m.index(), call.callId(), ErrorCode.UNAVAILABLE.value(),
                "the endpoint is shutting down"));
        needsFlush = true;
    }

    /** Hands the tasks of this read to the pool: at the end of each read, and before the channel goes. */
    private void flushBatches() {
        if (handlerBatch != null) {
            handlerBatch.flush();
        }
        if (callbackBatch != null) {
            callbackBatch.flush();
        }
    }

    /**
     * The binding a REQUEST names in {@code service} (the one its protocol id names, or null), or
     * {@code null} after answering UNKNOWN_PROTOCOL or UNKNOWN_METHOD.
     */
    private Service.MethodBinding<?, ?> route(Frame frame, Service service) {
        if (service == null) {
            answerError(frame, ErrorCode.UNKNOWN_PROTOCOL, String.format("protocol id 0x%08X is not served by %s",
                    frame.protocol(), config.local()));
            return null;
        }
        Service.MethodBinding<?, ?> binding = service.binding(frame.method());
        if (binding == null) {
            ProtocolDescriptor d = service.descriptor();
            answerError(frame, ErrorCode.UNKNOWN_METHOD, "protocol " + d.name() + "@" + d.version()
                    + " has no method " + frame.method() + " (expected: 0.." + (d.methods().size() - 1) + ")");
        }
        return binding;
    }

    private boolean onOneWay(Frame frame) {
        Service service = config.services().get(frame.protocol());
        Service.MethodBinding<?, ?> binding = service == null ? null : service.binding(frame.method());
        if (binding == null || !binding.method().isOneWay()) {
            config.stats().oneWayDropped();
            log.warn("dropped a ONEWAY from {}: {}", describe(), service == null
                    ? String.format("protocol id 0x%08X is not served", frame.protocol())
                    : binding == null ? "method " + frame.method() + " is out of range for " + service.descriptor().name()
                    : binding.method().fullName() + " is not one-way");
            return false;
        }
        dispatch(new ServerCall(this, binding, 0, frame.metadata(), frame.body()), service.isInline());
        return true;
    }

    private boolean onAnswer(Frame frame) {
        long callId = frame.callId();
        ErrorBody error = frame.kind() == Frames.ERROR ? ErrorBody.decode(frame.body()) : null;
        if (callId == 0) {
            if (error != null) {
                peerClosing(error);
            } else {
                config.stats().answerDropped();
            }
            return false;
        }
        PendingCall<?> call = calls.remove(callId);
        if (call == null) {
            config.stats().answerDropped();
            log.debug("dropped an answer from {} for unknown call id {}", describe(), Long.toUnsignedString(callId));
            return false;
        }
        boolean taken;
        if (error != null) {
            call.failRemote(error);
            taken = false;
        } else {
            call.respond(frame.body());
            taken = true;
        }
        closeIfDrained();
        return taken;
    }

    private void answerError(Frame frame, ErrorCode code, String message) {
        write(Frames.error(ctx.alloc(), frame.protocol(), frame.method(), frame.callId(), code.value(), message));
        needsFlush = true;
    }

    /** The peer says the connection is over (ERROR with call id 0): remember why and close. */
    private void peerClosing(ErrorBody error) {
        String reason = "connection closed by the peer: "
                + IpcException.describeCode(ErrorCode.fromWire(error.code()), error.code()) + ": " + error.message();
        closeReason = reason;
        failed = true;
        stopIdleMonitor();
        log.debug("{}: {}", describe(), reason);
        if (!helloReceived) {
            ErrorCode code = ErrorCode.fromWire(error.code());
            IpcException e = IpcException.of(code == ErrorCode.UNAUTHORIZED ? code : ErrorCode.CONNECT_FAILED,
                    describe(), describe() + " refused the connection: "
                            + IpcException.describeCode(code, error.code()) + ": " + error.message(), null);
            runCallback(() -> ready.completeExceptionally(e));
        }
        ctx.close();
    }

    /** A connection-level failure found here: ERROR with call id 0, then close (wire-format.md section 1). */
    private void failConnection(WireException e) {
        if (failed) {
            return;
        }
        failed = true;
        config.stats().protocolError();
        cancelHandshakeTimer();
        stopIdleMonitor();
        String reason = "connection closed by this end after a " + e.code().name() + ": " + e.getMessage();
        closeReason = reason;
        log.warn("{}: {}", describe(), reason);
        if (!helloReceived) {
            IpcException ex = IpcException.of(ErrorCode.CONNECT_FAILED, describe(), "handshake with " + describe()
                    + " failed: " + e.code().name() + ": " + e.getMessage(), null);
            runCallback(() -> ready.completeExceptionally(ex));
        }
        ctx.writeAndFlush(Frames.error(ctx.alloc(), 0, 0, 0, e.code().value(), e.getMessage()))
                .addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof WireException) {
                failConnection((WireException) t);
                return;
            }
            if (!helloReceived && !failed && (t instanceof TlsMismatchException || t instanceof SSLException)) {
                failTls(t);
                return;
            }
        }
        if (closeReason == null) {
            closeReason = "connection lost: " + cause.getMessage();
            log.debug("{}: {}", describe(), closeReason, cause);
        }
        ctx.close();
    }

    /** TLS failed before the peer's HELLO (a mismatch, a refused certificate): say so, count it and close. */
    private void failTls(Throwable cause) {
        failed = true;
        config.stats().failedTlsHandshake();
        cancelHandshakeTimer();
        String reason = cause instanceof TlsMismatchException ? cause.getMessage()
                : "TLS handshake failed: " + cause.getMessage() + tlsHint(String.valueOf(cause.getMessage()));
        closeReason = reason;
        log.warn("{}: {}", describe(), reason);
        IpcException e = IpcException.of(ErrorCode.CONNECT_FAILED, describe(), "handshake with " + describe()
                + " failed: " + reason, null);
        runCallback(() -> ready.completeExceptionally(e));
        ctx.close();
    }

    /** What a JDK TLS failure means, in words an operator can act on. */
    private static String tlsHint(String message) {
        if (message.contains("PKIX") || message.contains("certification path")) {
            return " (this end does not trust the peer's certificate: check the trusted certificates)";
        }
        if (message.contains("bad_certificate") || message.contains("certificate_required")
                || message.contains("certificate_unknown") || message.contains("unknown_ca")) {
            return " (the peer did not accept this end's certificate, or wanted one and got none)";
        }
        return "";
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        flushBatches();
        if (closeReason == null) {
            closeReason = "connection closed by the peer";
        }
        closed = true;
        cancelHandshakeTimer();
        stopIdleMonitor();
        if (!helloReceived && !failed) {
            // Not after a failure that already said why (a refusal, a bad frame, TLS): completed on a
            // pool, this could overtake it.
            IpcException e = IpcException.of(ErrorCode.CONNECT_FAILED, describe(), describe()
                    + " closed the connection before its HELLO arrived (" + closeReason + ")", null);
            runCallback(() -> ready.completeExceptionally(e));
        }
        if (!calls.isEmpty()) {
            List<PendingCall<?>> pending = new ArrayList<>(calls.values());
            calls.clear();
            for (PendingCall<?> call : pending) {
                call.fail(closedError(call.method.fullName()));
            }
        }
        if (!serving.isEmpty()) {
            // Nobody is waiting for these answers any more: handlers may stop, and their calls back fail.
            List<ServerCall> lost = new ArrayList<>(serving.values());
            serving.clear();
            for (ServerCall call : lost) {
                call.reportEnded(ErrorCode.CONNECTION_CLOSED);
                call.cancel();
            }
        }
        signalWritable();
        if (listenerConnected != null) {
            ConnectionListener listener = config.listener();
            listenerConnected.whenCompleteAsync((v, t) -> notifyListener(listener, false), config.callbackExecutor());
        }
        ctx.fireChannelInactive();
    }

    private void notifyListener(ConnectionListener listener, boolean connected) {
        try {
            if (connected) {
                listener.connected(this);
            } else {
                listener.disconnected(this);
            }
        } catch (RuntimeException e) {
            log.warn("{}: the connection listener failed", describe(), e);
        }
    }

    /**
     * Whether the peer's HELLO has arrived and the connection is still open. Read from what the event
     * loop set on the HELLO, not from {@link #ready}, which completes later on the callback executor:
     * a handler already serving a call must find its connection ready.
     */
    boolean isReady() {
        return !closed && remoteProtocols != null;
    }

    /** Closes from this end: pending calls fail with "connection closed by this end". */
    void close() {
        if (!closed && ctx != null) {
            if (closeReason == null) {
                closeReason = "connection closed by this end";
            }
            ctx.channel().close();
        }
    }

    private void stopIdleMonitor() {
        if (idleMonitor != null) {
            idleMonitor.stop();
            idleMonitor = null;
        }
    }

    private void cancelHandshakeTimer() {
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
            handshakeTimer = null;
        }
    }
}
