package dev.ipcgen.runtime;

import dev.ipcgen.runtime.security.PeerCredentials;
import dev.ipcgen.runtime.wire.Frames;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One REQUEST or ONEWAY this end serves. Runs on the handler executor (decode, handler, encode the
 * answer into a pooled buffer), is the handler's {@link CallContext}, and is the
 * {@link WriteCommand} that writes the answer on the event loop.
 */
final class ServerCall implements Runnable, CallContext, WriteCommand {

    private static final InternalLogger log = InternalLoggerFactory.getInstance(ServerCall.class);

    private final Connection connection;
    private final Service.MethodBinding<?, ?> binding;
    private final long callId;
    private final Map<String, Bytes> metadata;
    private ByteBuf body;
    private ByteBuf answer;
    private volatile boolean cancelled;
    /** Set once its answer is written or dropped: a kept {@link #peer()} inherits nothing from then on. */
    private volatile boolean ended;
    /** {@link System#nanoTime()} when the caller's timeout passes; meaningful when {@link #hasDeadline}. */
    private long deadlineNanos;
    private boolean hasDeadline;
    /** Run on cancel; guarded by {@code this}, made only when a handler registers one. */
    private List<Runnable> cancelListeners;
    /**
     * Calls made through {@link #peer()} still waiting for their answer, cancelled with this call;
     * guarded by {@code this}, made on the first one.
     */
    private Set<CompletableFuture<?>> peerCalls;
    private CallPeer peer;
    /** When the call arrived; set only when there are interceptors, which get the duration. */
    private long startNanos;
    /** Whether the interceptors were told the outcome; guarded by {@code this}. */
    private boolean reported;
    /** The REQUEST's deadline timer; owned by the event loop. */
    ScheduledFuture<?> deadline;

    /** Takes ownership of {@code body}. */
    ServerCall(Connection connection, Service.MethodBinding<?, ?> binding, long callId,
            Map<String, Bytes> metadata, ByteBuf body) {
        this.connection = connection;
        this.binding = binding;
        this.callId = callId;
        this.metadata = metadata;
        this.body = body;
        if (connection.config().serverInterceptors().length != 0) {
            startNanos = System.nanoTime();
        }
    }

    /** On the event loop, before the handler runs: the REQUEST's timeout, in microseconds from now. */
    void deadlineNanos(long timeoutMicros) {
        long now = System.nanoTime();
        long nanos = timeoutMicros >= Long.MAX_VALUE / 1000 ? Long.MAX_VALUE / 2 : timeoutMicros * 1000;
        deadlineNanos = now + nanos;
        hasDeadline = true;
    }

    /** Whether the caller sent a timeout ({@link #deadlineNanos()} is then meaningful). */
    boolean hasDeadline() {
        return hasDeadline;
    }

    /** {@link System#nanoTime()} when the caller's timeout passes. */
    long deadlineNanos() {
        return deadlineNanos;
    }

    @Override
    public synchronized Peer peer() {
        if (peer == null) {
            peer = new CallPeer(connection, this);
        }
        return peer;
    }

    /** Straight from the connection, which read them once: no {@link #peer()} made for it. */
    @Override
    public PeerCredentials credentials() {
        return connection.credentials();
    }

    @Override
    public Optional<String> tlsSubject() {
        return connection.tlsSubject();
    }

    @Override
    public Optional<Instant> deadline() {
        if (!hasDeadline) {
            return Optional.empty();
        }
        return Optional.of(Instant.now().plusNanos(Math.max(0, deadlineNanos - System.nanoTime())));
    }

    @Override
    public Optional<Duration> timeRemaining() {
        if (!hasDeadline) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())));
    }

    /** A listener added after the call ended normally is dropped: it could never run. */
    @Override
    public void onCancel(Runnable listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (this) {
            if (!cancelled) {
                if (!ended) {
                    if (cancelListeners == null) {
                        cancelListeners = new ArrayList<>(2);
                    }
                    cancelListeners.add(listener);
                }
                return;
            }
        }
        listener.run();
    }

    /** Whether the answer was written or dropped: the handler is done with this call. */
    boolean hasEnded() {
        return ended;
    }

    /**
     * A call made through {@link #peer()}: cancelled when this call is, forgotten once it completes
     * or this call ends.
     */
    void adopt(CompletableFuture<?> call) {
        synchronized (this) {
            if (ended) {
                return;
            }
            if (!cancelled) {
                if (peerCalls == null) {
                    peerCalls = new HashSet<>();
                }
                peerCalls.add(call);
            }
        }
        if (cancelled) {
            call.cancel(false);
            return;
        }
        call.whenComplete((r, t) -> forget(call));
    }

    private synchronized void forget(CompletableFuture<?> call) {
        if (peerCalls != null) {
            peerCalls.remove(call);
        }
    }

    /** For tests: how many cancel listeners and calls made through {@link #peer()} this call holds. */
    synchronized int cancelHookCount() {
        return (cancelListeners == null ? 0 : cancelListeners.size()) + (peerCalls == null ? 0 : peerCalls.size());
    }

    @Override
    public MethodDescriptor<?, ?> method() {
        return binding.method();
    }

    @Override
    public long callId() {
        return callId;
    }

    @Override
    public Map<String, Bytes> metadata() {
        return metadata;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * On the event loop: the call was answered DEADLINE_EXCEEDED or CANCELLED without the handler,
     * or its connection closed.
     */
    void cancel() {
        List<Runnable> listeners;
        Set<CompletableFuture<?>> calls;
        synchronized (this) {
            cancelled = true;
            listeners = cancelListeners;
            cancelListeners = null;
            calls = peerCalls;
            peerCalls = null;
        }
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
        if (listeners != null || calls != null) {
            // Off the event loop: both run user code (listeners, and what depends on the futures).
            connection.runCallback(() -> runCancelHooks(calls, listeners));
        }
    }

    private void runCancelHooks(Set<CompletableFuture<?>> calls, List<Runnable> listeners) {
        if (calls != null) {
            for (CompletableFuture<?> c : calls) {
                c.cancel(false);
            }
        }
        if (listeners != null) {
            for (Runnable l : listeners) {
                try {
                    l.run();
                } catch (RuntimeException e) {
                    log.warn("a cancel listener of {} failed", binding.method().fullName(), e);
                }
            }
        }
    }

    /** The handler executor would not take the call: drop the body. */
    void discard() {
        body.release();
        body = null;
    }

    @Override
    public void run() {
        if (cancelled) {
            // Answered already (deadline or CANCEL) before a thread got to it: no handler to run.
            discard();
            return;
        }
        ServerInterceptor[] interceptors = connection.config().serverInterceptors();
        if (interceptors.length != 0 && rejectedBy(interceptors)) {
            return;
        }
        serve(binding);
    }

    /** Asks each interceptor; on the first rejection answers (or drops the one-way) and returns true. */
    private boolean rejectedBy(ServerInterceptor[] interceptors) {
        for (ServerInterceptor i : interceptors) {
            Rejection r;
            try {
                r = i.onCall(this);
            } catch (Throwable t) {
                // An Error too, as for handlers: the call must still be answered, its body released, its slot freed.
                log.warn("a server interceptor failed on {} from {}", binding.method().fullName(), connection.describe(), t);
                r = Rejection.of(ErrorCode.HANDLER_ERROR, "a server interceptor failed: " + messageOf(t));
            }
            if (r != null) {
                body.release();
                body = null;
                if (callId == 0) {
                    connection.config().stats().oneWayDropped();
                    log.debug("rejected a one-way {} from {}: {}", binding.method().fullName(), connection.describe(),
                            r.message());
                    report(r.code());
                } else {
                    answerError(r.code(), r.message());
                }
                return true;
            }
        }
        return false;
    }

    /** Tells the interceptors how the call ended, once; {@code outcome} is null for a normal answer. */
    void report(ErrorCode outcome) {
        if (claimReport()) {
            tellInterceptors(outcome, System.nanoTime() - startNanos);
        }
    }

    /**
     * On the event loop, for a call that ended without its handler (deadline, CANCEL, connection
     * closed), before {@link #cancel()} wakes the handler: claims the report now, so that the
     * handler's late outcome is not reported instead, and tells the interceptors on the callback
     * executor.
     */
    void reportEnded(ErrorCode outcome) {
        if (claimReport()) {
            long duration = System.nanoTime() - startNanos;
            connection.runCallback(() -> tellInterceptors(outcome, duration));
        }
    }

    private boolean claimReport() {
        if (connection.config().serverInterceptors().length == 0) {
            return false;
        }
        synchronized (this) {
            if (reported) {
                return false;
            }
            reported = true;
            return true;
        }
    }

    private void tellInterceptors(ErrorCode outcome, long durationNanos) {
        for (ServerInterceptor i : connection.config().serverInterceptors()) {
            try {
                i.onComplete(this, outcome, durationNanos);
            } catch (Throwable t) {
                // Caught whole: the answer is queued only after this returns.
                log.warn("a server interceptor failed after {}", binding.method().fullName(), t);
            }
        }
    }

    private <Req, Resp> void serve(Service.MethodBinding<Req, Resp> b) {
        MethodDescriptor<Req, Resp> m = b.method();
        Req request;
        try {
            request = m.requestCodec().decode(body);
        } catch (RuntimeException e) {
            String message = "cannot decode the " + m.fullName() + " request: " + e.getMessage();
            if (callId == 0) {
                oneWayFailed(ErrorCode.BAD_REQUEST, message, null);
            } else {
                answerError(ErrorCode.BAD_REQUEST, message);
            }
            return;
        } finally {
            body.release();
            body = null;
        }
        if (b.unary() != null) {
            Resp response;
            try {
                response = b.unary().handle(request, this);
            } catch (Throwable t) {
                handlerFailed(t);
                return;
            }
            respond(m, response);
        } else if (b.asyncUnary() != null) {
            CompletionStage<Resp> stage;
            try {
                stage = b.asyncUnary().handle(request, this);
            } catch (Throwable t) {
                handlerFailed(t);
                return;
            }
            if (stage == null) {
                handlerFailed(new IllegalStateException("the " + m.fullName() + " handler returned no CompletionStage"));
                return;
            }
            stage.whenComplete((response, t) -> {
                if (t != null) {
                    handlerFailed(t);
                } else {
                    respond(m, response);
                }
            });
        } else if (b.oneWay() != null) {
            try {
                b.oneWay().handle(request, this);
            } catch (Throwable t) {
                oneWayFailed(ErrorCode.HANDLER_ERROR, "the " + m.fullName() + " handler failed: " + messageOf(t), t);
                return;
            }
            report(null);
        } else {
            CompletionStage<Void> stage;
            try {
                stage = b.asyncOneWay().handle(request, this);
            } catch (Throwable t) {
                oneWayFailed(ErrorCode.HANDLER_ERROR, "the " + m.fullName() + " handler failed: " + messageOf(t), t);
                return;
            }
            if (stage == null) {
                report(null);
                return;
            }
            stage.whenComplete((v, t) -> {
                if (t != null) {
                    oneWayFailed(ErrorCode.HANDLER_ERROR, "the " + m.fullName() + " handler failed: " + messageOf(t), t);
                } else {
                    report(null);
                }
            });
        }
    }

    private <Resp> void respond(MethodDescriptor<?, Resp> m, Resp response) {
        if (response == null) {
            answerError(ErrorCode.HANDLER_ERROR, "the " + m.fullName() + " handler returned null");
            return;
        }
        ByteBuf out = connection.alloc().ioBuffer();
        long length;
        try {
            int start = Frames.begin(out, Frames.RESPONSE, 0, m.index(), m.protocolId(), callId);
            m.responseCodec().encode(out, response);
            length = Frames.end(out, start);
        } catch (RuntimeException e) {
            out.release();
            answerError(ErrorCode.HANDLER_ERROR, "cannot encode the " + m.fullName() + " response: " + e.getMessage());
            return;
        }
        long max = connection.peerMaxFrameLength();
        if (length > max) {
            out.release();
            answerError(ErrorCode.FRAME_TOO_LARGE, "the " + m.fullName() + " response of " + length
                    + " bytes exceeds the caller's maximum frame length of " + max);
            return;
        }
        answer = out;
        report(null);
        connection.enqueue(this);
    }

    private void handlerFailed(Throwable t) {
        if (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (log.isDebugEnabled()) {
            log.debug("{} handler failed for {}", binding.method().fullName(), connection.describe(), t);
        }
        answerError(ErrorCode.HANDLER_ERROR, messageOf(t));
    }

    private void answerError(ErrorCode code, String message) {
        MethodDescriptor<?, ?> m = binding.method();
        answer = Frames.error(connection.alloc(), m.protocolId(), m.index(), callId, code.value(), message);
        report(code);
        connection.enqueue(this);
    }

    private void oneWayFailed(ErrorCode code, String message, Throwable t) {
        // Counted before the interceptors hear of it, so whoever sees the outcome sees the count.
        connection.config().stats().oneWayDropped();
        report(code);
        log.warn("dropped a one-way message from {}: {}", connection.describe(), message, t);
    }

    private static String messageOf(Throwable t) {
        if (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m != null ? m : t.getClass().getName();
    }

    /** On the event loop, as the answer is written or dropped: what was kept for cancelling goes. */
    private void end() {
        synchronized (this) {
            ended = true;
            cancelListeners = null;
            peerCalls = null;
        }
    }

    @Override
    public void write(Connection c) {
        end();
        ByteBuf a = answer;
        answer = null;
        if (c.isClosed() || !c.isServing(this)) {
            // Closed, or already answered DEADLINE_EXCEEDED or CANCELLED: exactly one answer per call.
            a.release();
            return;
        }
        c.write(a);
        // After the write: a connection going away may close as soon as its last answer is out.
        c.finishServing(this);
    }

    @Override
    public void abandon(Connection c) {
        end();
        if (answer != null) {
            answer.release();
            answer = null;
        }
    }
}
