package dev.ipcgen.runtime;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A client that stays connected: a {@link Peer} over one connection at a time to one endpoint,
 * made again in the background, with bounded exponential backoff, whenever it closes. For
 * long-lived clients of a server that may restart.
 *
 * <pre>{@code
 * try (ReconnectingClient client = ReconnectingClient.builder(Endpoint.unix(Path.of("/run/app.sock")))
 *         .maxBackoff(Duration.ofSeconds(2))
 *         .start()) {
 *     AppProtocol.Sender app = AppProtocol.sender(client);
 *     app.ping().join();   // waits for the first connection (WAIT, the default), up to 10 s
 * }
 * }</pre>
 *
 * <p>{@link Builder#start()} returns at once and connects in the background (the server need not
 * be up yet). A call made while connected goes straight to the connection, as on an
 * {@link IpcConnection}. A call made while not connected either fails at once with
 * {@link ErrorCode#UNAVAILABLE} ({@link WhileDisconnected#FAIL_FAST}) or waits for the next
 * connection ({@link WhileDisconnected#WAIT}, the default), no longer than its own timeout
 * ({@link ErrorCode#DEADLINE_EXCEEDED}) or {@link Builder#maxWait} ({@link ErrorCode#UNAVAILABLE});
 * waiting calls go out in the order they were made, before any later call. A server that refuses
 * the connection ({@link ErrorCode#UNAUTHORIZED}, e.g. by its authorizer) is not down: while the
 * last attempt was refused, waiting calls and new ones, in either mode, fail at once with
 * {@link ErrorCode#UNAUTHORIZED} and the server's reason, and attempts go on with backoff (the
 * server's configuration may change). A call already sent when its connection closes fails with
 * {@link ErrorCode#CONNECTION_CLOSED} and is not sent again: the server may have run it. A call the connection refuses the moment it is made because the
 * server has begun closing it (GOAWAY) was never run, and is treated as made while not connected;
 * any other immediate failure, such as a client interceptor's rejection, is the call's answer.
 *
 * <p>Each connection is made by the {@link IpcClient.Builder} given to {@link Builder#client}, so
 * it serves that builder's services to the server and uses its executors, timeouts and
 * interceptors. Attempts run on one daemon thread per client ({@code ipc-reconnect-*}).
 *
 * <p>Thread-safe. A call on an open connection takes no lock and allocates nothing beyond what the
 * connection does.
 */
public final class ReconnectingClient implements Peer, AutoCloseable {

    private static final InternalLogger log = InternalLoggerFactory.getInstance(ReconnectingClient.class);

    /** Runs the waits of waiting calls of every client; its tasks only hand work to other executors. */
    private static final ScheduledThreadPoolExecutor TIMERS = newScheduler(new DefaultThreadFactory("ipc-reconnect-timer", true));

    /** What a call made while there is no connection does. */
    public enum WhileDisconnected {
        /**
         * Fails at once with {@link ErrorCode#UNAVAILABLE} ({@link ErrorCode#UNAUTHORIZED} while the
         * server refuses the connection); the message says why there is no connection.
         */
        FAIL_FAST,
        /**
         * Waits for the next connection, then is sent on it with what is left of its timeout; fails
         * with {@link ErrorCode#DEADLINE_EXCEEDED} when its own timeout ends the wait, or with
         * {@link ErrorCode#UNAVAILABLE} when {@link Builder#maxWait} does; fails at once with
         * {@link ErrorCode#UNAUTHORIZED} when the server refused the last attempt.
         */
        WAIT
    }

    private final Endpoint endpoint;
    private final String name;
    private final IpcClient.Builder client;
    private final BackoffPolicy backoff;
    private final int maxAttempts;
    private final WhileDisconnected mode;
    private final long maxWaitNanos;
    private final int maxWaitingCalls;
    private final ReconnectingListener listener;
    /** The user's executor, or null: then a pool made the first time one is needed. */
    private final Executor userCallbackExecutor;
    private final ScheduledThreadPoolExecutor reconnector;
    /** The reconnector's one thread, which must not wait for itself in {@link #close()}. */
    private volatile Thread reconnectThread;

    private final AtomicReference<IpcConnection> current = new AtomicReference<>();
    /** Every connection not yet closed, the current one and any the server is still closing. */
    private final Set<IpcConnection> open = ConcurrentHashMap.newKeySet();
    /** Calls waiting for a connection, oldest first. */
    private final ConcurrentLinkedDeque<ReconnectingCall<?, ?>> waiting = new ConcurrentLinkedDeque<>();
    /** How many calls wait; while any do, new calls queue behind them, so calls go out in order. */
    private final AtomicInteger waitingCount = new AtomicInteger();
    /** Requests to drain the queue; one thread drains at a time, and looks again for each request. */
    private final AtomicInteger drainRequests = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Guards ownedPool and poolClosed; awaitConnected waits on it. */
    private final Object stateLock = new Object();
    private ExecutorService ownedPool;
    /** Set by close() once it has shut the pool: completions after that run on the completing thread. */
    private boolean poolClosed;
    private volatile boolean gaveUp;
    /** The server's refusal (UNAUTHORIZED) of the last attempt, or null: calls fail with it at once. */
    private volatile IpcException refusal;
    /** Why there is no connection, for error messages. */
    private volatile String status = "the first attempt is in progress";

    // Touched by the reconnect thread only.
    private int failures;
    private int waits;

    private ReconnectingClient(Builder b, BackoffPolicy backoff) {
        this.endpoint = b.endpoint;
        this.name = b.endpoint.toString();
        this.client = b.client;
        this.backoff = backoff;
        this.maxAttempts = b.maxAttempts;
        this.mode = b.mode;
        this.maxWaitNanos = Connection.saturatedNanos(b.maxWait);
        this.maxWaitingCalls = b.maxWaitingCalls;
        this.listener = b.listener;
        this.userCallbackExecutor = b.callbackExecutor;
        ThreadFactory threads = new DefaultThreadFactory("ipc-reconnect", true);
        this.reconnector = newScheduler(task -> {
            Thread t = threads.newThread(task);
            reconnectThread = t;
            return t;
        });
    }

    private static ScheduledThreadPoolExecutor newScheduler(ThreadFactory threads) {
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, threads);
        s.setRemoveOnCancelPolicy(true);
        return s;
    }

    /** A client of {@code endpoint}; nothing happens until {@link Builder#start()}. */
    public static Builder builder(Endpoint endpoint) {
        return new Builder(Objects.requireNonNull(endpoint, "endpoint"));
    }

    @Override
    public <Req, Resp> CompletableFuture<Resp> call(MethodDescriptor<Req, Resp> method, Req request, CallOptions options) {
        IpcConnection c = current.get();
        if (c != null) {
            if (!c.isOpen()) {
                connectionLost(c, "the connection was lost");
            } else if (waitingCount.get() == 0) {
                CompletableFuture<Resp> f = c.call(method, request, options);
                if (!f.isDone() || !refusedAsClosing(c, f)) {
                    return f;
                }
                connectionLost(c, "the server is closing the connection");
            }
        }
        return whileDisconnected(method, request, options, false);
    }

    @Override
    public <Req> CompletableFuture<Void> send(MethodDescriptor<Req, Void> method, Req request, CallOptions options) {
        IpcConnection c = current.get();
        if (c != null) {
            if (!c.isOpen()) {
                connectionLost(c, "the connection was lost");
            } else if (waitingCount.get() == 0) {
                CompletableFuture<Void> f = c.send(method, request, options);
                if (!f.isDone() || !refusedAsClosing(c, f)) {
                    return f;
                }
                connectionLost(c, "the server is closing the connection");
            }
        }
        return whileDisconnected(method, request, options, true);
    }

    /** The endpoint, e.g. {@code unix:/run/app.sock}. */
    @Override
    public String describe() {
        return name;
    }

    /** The endpoint this client connects to. */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** Whether a connection is open now (calls go straight to it). */
    public boolean isConnected() {
        IpcConnection c = current.get();
        return c != null && c.isOpen();
    }

    /** The open connection, e.g. to read its {@link IpcConnection#remoteProtocols()}; empty while not connected. */
    public Optional<IpcConnection> connection() {
        IpcConnection c = current.get();
        return c != null && c.isOpen() ? Optional.of(c) : Optional.empty();
    }

    /**
     * Waits until a connection is open.
     *
     * @return true if connected; false if {@code timeout} passed first, or the client was closed
     *     or gave up
     */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + Math.min(Connection.saturatedNanos(timeout), Long.MAX_VALUE / 2);
        synchronized (stateLock) {
            while (true) {
                if (isConnected()) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (closed.get() || gaveUp || left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(stateLock, left);
            }
        }
    }

    /**
     * Stops reconnecting, fails every waiting call with {@link ErrorCode#CONNECTION_CLOSED}, and
     * closes the connection (calls still pending on it fail the same way). Later calls fail at once
     * with {@link ErrorCode#CONNECTION_CLOSED}. Closing twice does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        reconnector.shutdownNow();
        failWaiting(this::closedWhileWaiting);
        current.set(null);
        for (IpcConnection c : open) {
            c.close();
        }
        signalState();
        if (Thread.currentThread() != reconnectThread) {
            awaitReconnector();
        }
        synchronized (stateLock) {
            poolClosed = true;
            if (ownedPool != null) {
                ownedPool.shutdown();
            }
        }
    }

    private void awaitReconnector() {
        try {
            // An attempt in progress ends soon after the interrupt: it closes what it connected.
            reconnector.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ReconnectingClient[" + name + ", " + (isConnected() ? "connected" : "not connected: " + status) + "]";
    }

    /** Begins connecting. */
    private ReconnectingClient begin() {
        reconnector.execute(this::attempt);
        return this;
    }

    // ---- the reconnect thread

    private void attempt() {
        if (closed.get()) {
            return;
        }
        IpcConnection c;
        try {
            c = client.connect(endpoint);
        } catch (IpcException e) {
            attemptFailed(e);
            return;
        } catch (RuntimeException e) {
            attemptFailed(IpcException.of(ErrorCode.CONNECT_FAILED, name, "cannot connect to " + name + ": " + e, e));
            return;
        }
        failures = 0;
        waits = 0;
        refusal = null;
        open.add(c);
        current.set(c);
        if (closed.get()) {
            // close() may have looked at the open connections before this one joined them.
            current.set(null);
            c.close();
            return;
        }
        c.closeFuture().whenComplete((v, t) -> {
            open.remove(c);
            connectionLost(c, "the connection was lost");
        });
        signalState();
        drainWaitingElsewhere();
        tell(l -> l.connected(c));
    }

    /**
     * Drains the calls that waited for this connection on the callback executor: under
     * {@link WritePolicy#WAIT} sending them may block for room to write, up to the connection's
     * maxWriteWait, which must hold up neither attempts nor the listener. With none waiting there
     * is nothing to hand over (a call queued after this looked drains itself).
     */
    private void drainWaitingElsewhere() {
        if (waitingCount.get() == 0) {
            return;
        }
        try {
            callbackExecutor().execute(this::drainWaiting);
        } catch (RejectedExecutionException e) {
            drainWaiting();
        }
    }

    private void attemptFailed(IpcException e) {
        if (closed.get()) {
            return;
        }
        if (e.code() == ErrorCode.UNAUTHORIZED) {
            // Not transient like a server that is down: nobody should wait out maxWait for it.
            refusal = e;
            failWaiting(this::unauthorized);
        } else {
            refusal = null;
        }
        failures++;
        if (maxAttempts > 0 && failures >= maxAttempts) {
            int attempts = failures;
            status = "gave up after " + attempts + " failed attempts (last: " + e.getMessage() + ")";
            gaveUp = true;
            failWaiting(this::unavailable);
            signalState();
            tell(l -> l.gaveUp(attempts, e));
            return;
        }
        long delay = backoff.delayNanos(waits++);
        int attempt = failures;
        status = "attempt " + attempt + " failed: " + e.getMessage() + "; next attempt in "
                + TimeUnit.NANOSECONDS.toMillis(delay) + " ms";
        schedule(delay);
        tell(l -> l.connectFailed(attempt, e, Duration.ofNanos(delay)));
    }

    private void schedule(long delayNanos) {
        try {
            reconnector.schedule(this::attempt, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Closed meanwhile: no more attempts.
        }
    }

    private void tell(Consumer<ReconnectingListener> event) {
        if (listener == null) {
            return;
        }
        try {
            event.accept(listener);
        } catch (RuntimeException e) {
            log.warn("{}: the reconnecting listener threw", name, e);
        }
    }

    // ---- any thread

    /** {@code c} closed or began closing: calls stop going to it, and the next attempt is scheduled. */
    private void connectionLost(IpcConnection c, String why) {
        if (!current.compareAndSet(c, null)) {
            return;
        }
        status = why;
        try {
            reconnector.execute(() -> {
                schedule(backoff.delayNanos(waits++));
                tell(l -> l.disconnected(c));
            });
        } catch (RejectedExecutionException e) {
            // Closed meanwhile: no more attempts.
        }
    }

    private <Req, Resp> CompletableFuture<Resp> whileDisconnected(MethodDescriptor<Req, Resp> method, Req request,
            CallOptions options, boolean oneWay) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(options, "options");
        if (closed.get()) {
            return CompletableFuture.failedFuture(IpcException.callFailed(ErrorCode.CONNECTION_CLOSED,
                    method.fullName(), name, "the reconnecting client is closed"));
        }
        if (refusal != null) {
            return CompletableFuture.failedFuture(unauthorized(method));
        }
        if (gaveUp || mode == WhileDisconnected.FAIL_FAST) {
            return CompletableFuture.failedFuture(unavailable(method));
        }
        if (waitingCount.incrementAndGet() > maxWaitingCalls && !isConnected()) {
            waitingCount.decrementAndGet();
            return CompletableFuture.failedFuture(IpcException.callFailed(ErrorCode.RESOURCE_EXHAUSTED,
                    method.fullName(), name, "not connected, and " + maxWaitingCalls
                            + " calls already wait for a connection (maxWaitingCalls)"));
        }
        ReconnectingCall<Req, Resp> call = new ReconnectingCall<>(this, method, request, options, oneWay, maxWaitNanos);
        waiting.add(call);
        call.startTimer(TIMERS);
        // A connection made (or the client closed) since this call looked would not see it queued.
        drainWaiting();
        return call;
    }

    /**
     * Sends every waiting call on the open connection, oldest first, or fails them all if there
     * will be none. Whichever thread asks first drains; others only ask it to look again.
     */
    private void drainWaiting() {
        if (drainRequests.getAndIncrement() != 0) {
            return;
        }
        int requests = 1;
        do {
            drainOnce();
            requests = drainRequests.addAndGet(-requests);
        } while (requests != 0);
    }

    private void drainOnce() {
        if (closed.get()) {
            failWaiting(this::closedWhileWaiting);
            return;
        }
        if (refusal != null) {
            failWaiting(this::unauthorized);
            return;
        }
        if (gaveUp) {
            failWaiting(this::unavailable);
            return;
        }
        IpcConnection c;
        ReconnectingCall<?, ?> call;
        while ((c = current.get()) != null && c.isOpen() && (call = waiting.poll()) != null) {
            if (!call.dispatch(c)) {
                waiting.addFirst(call);
                connectionLost(c, "the server is closing the connection");
            }
        }
    }

    private void failWaiting(Function<MethodDescriptor<?, ?>, IpcException> error) {
        ReconnectingCall<?, ?> call;
        while ((call = waiting.poll()) != null) {
            call.fail(error.apply(call.method()), false);
        }
    }

    private void signalState() {
        synchronized (stateLock) {
            stateLock.notifyAll();
        }
    }

    private IpcException closedWhileWaiting(MethodDescriptor<?, ?> method) {
        return IpcException.callFailed(ErrorCode.CONNECTION_CLOSED, method.fullName(), name,
                "the reconnecting client was closed while the call waited for a connection");
    }

    private IpcException unauthorized(MethodDescriptor<?, ?> method) {
        IpcException r = refusal;
        String why = r != null ? r.getMessage() : "the server refused the connection";
        return IpcException.callFailed(ErrorCode.UNAUTHORIZED, method.fullName(), name,
                "not connected: " + why + (gaveUp ? "" : " (still retrying)"));
    }

    private IpcException unavailable(MethodDescriptor<?, ?> method) {
        String s = status;
        return IpcException.callFailed(ErrorCode.UNAVAILABLE, method.fullName(), name,
                gaveUp ? "not connected: " + s : "not connected, reconnecting (" + s + ")");
    }

    // ---- for ReconnectingCall

    /** A waiting call stopped waiting; {@code queued}: it may still be in the queue. */
    void leftQueue(ReconnectingCall<?, ?> call, boolean queued) {
        waitingCount.decrementAndGet();
        if (queued) {
            waiting.remove(call);
        }
    }

    /** Completes a caller's future off the reconnect and timer threads. */
    void complete(Runnable completion) {
        try {
            callbackExecutor().execute(completion);
        } catch (RejectedExecutionException e) {
            // Only after close(), which has shut the pool: the failure must still be delivered.
            completion.run();
        }
    }

    private Executor callbackExecutor() {
        if (userCallbackExecutor != null) {
            return userCallbackExecutor;
        }
        synchronized (stateLock) {
            // Made on first use: most clients never fail a waiting call, and a pool has a watchdog.
            if (ownedPool == null) {
                if (poolClosed) {
                    return Runnable::run;
                }
                ownedPool = WorkerPool.newPool("ipc-reconnect-callback");
            }
            return ownedPool;
        }
    }

    /** Why a waiting call failed when its wait of {@code waitNanos} ran out. */
    IpcException waitExpired(MethodDescriptor<?, ?> method, long waitNanos, boolean byCallTimeout) {
        long millis = TimeUnit.NANOSECONDS.toMillis(waitNanos);
        String why = gaveUp ? "not connected: " + status : "reconnecting (" + status + ")";
        return byCallTimeout
                ? IpcException.callFailed(ErrorCode.DEADLINE_EXCEEDED, method.fullName(), name,
                        "no connection within the call's timeout of " + millis + " ms; " + why)
                : IpcException.callFailed(ErrorCode.UNAVAILABLE, method.fullName(), name,
                        "no connection within " + millis + " ms (maxWait); " + why);
    }

    /**
     * Whether {@code f}, already done, failed with UNAVAILABLE because {@code c} is closing (GOAWAY):
     * the server did not run the call. Not an interceptor's rejection with that code on an open
     * connection, which is the call's answer.
     */
    static boolean refusedAsClosing(IpcConnection c, CompletableFuture<?> f) {
        if (!f.isCompletedExceptionally() || !c.connection().isClosing()) {
            return false;
        }
        try {
            f.getNow(null);
            return false;
        } catch (CompletionException e) {
            return e.getCause() instanceof IpcException ipc && ipc.code() == ErrorCode.UNAVAILABLE;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Options of a reconnecting client. Not thread-safe. The defaults: {@link IpcClient#builder()}'s
     * connection options, waits of 50 ms growing twice each time to 5 s with 20% jitter, attempts
     * for ever, {@link WhileDisconnected#WAIT} for up to 10 s, up to 4,096 waiting calls.
     */
    public static final class Builder {
        private final Endpoint endpoint;
        private IpcClient.Builder client = IpcClient.builder();
        private Duration initialBackoff = Duration.ofMillis(50);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private double multiplier = 2;
        private double jitter = 0.2;
        private int maxAttempts;
        private WhileDisconnected mode = WhileDisconnected.WAIT;
        private Duration maxWait = Duration.ofSeconds(10);
        private int maxWaitingCalls = 4096;
        private ReconnectingListener listener;
        private Executor callbackExecutor;

        private Builder(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        /**
         * How each connection is made: services the client serves to the server, executors,
         * timeouts, interceptors, a {@link ConnectionListener} (told of every connection). The
         * client calls its {@link IpcClient.Builder#connect} once per attempt, from one thread;
         * do not change it after {@link #start()}. Default: {@link IpcClient#builder()}.
         */
        public Builder client(IpcClient.Builder client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * The first wait of an outage (before the first attempt after a connection is lost, or
         * after the first attempt at start failed); each further wait is {@link #backoffMultiplier}
         * times longer, up to {@link #maxBackoff}; default 50 ms.
         */
        public Builder initialBackoff(Duration initial) {
            this.initialBackoff = IpcServer.checkPositive(initial, "initialBackoff");
            return this;
        }

        /** The longest wait between attempts, at least the initial one; default 5 s. */
        public Builder maxBackoff(Duration max) {
            this.maxBackoff = IpcServer.checkPositive(max, "maxBackoff");
            return this;
        }

        /** How much each wait grows over the one before, at least 1; default 2. */
        public Builder backoffMultiplier(double multiplier) {
            this.multiplier = multiplier;
            return this;
        }

        /**
         * The fraction, 0 to 1, by which each wait moves at random either way (never past the
         * maximum), so clients that lost the same server do not come back in step; default 0.2.
         */
        public Builder backoffJitter(double jitter) {
            this.jitter = jitter;
            return this;
        }

        /**
         * How many attempts may fail in a row before the client gives up (then every call fails
         * with {@link ErrorCode#UNAVAILABLE} until it is closed); default: no limit.
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts " + maxAttempts + " (expected: at least 1)");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** What calls made while not connected do; default {@link WhileDisconnected#WAIT}. */
        public Builder whileDisconnected(WhileDisconnected mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * The longest a call waits for a connection in {@link WhileDisconnected#WAIT} mode when its
         * own timeout is longer or absent; default 10 s.
         */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = IpcServer.checkPositive(maxWait, "maxWait");
            return this;
        }

        /**
         * How many calls may wait for a connection at once; one more fails at once with
         * {@link ErrorCode#RESOURCE_EXHAUSTED}; default 4,096.
         */
        public Builder maxWaitingCalls(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxWaitingCalls " + max + " (expected: at least 1)");
            }
            this.maxWaitingCalls = max;
            return this;
        }

        /** Told of connections made and lost and of failed attempts. */
        public Builder listener(ReconnectingListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Completes the futures of waiting calls that fail (their wait ran out, the client closed
         * or gave up), and sends the waiting calls when a connection opens (which may block under
         * {@link WritePolicy#WAIT}); default: a pool of daemon threads owned by the client. Calls
         * sent on a connection complete on that connection's callback executor.
         */
        public Builder callbackExecutor(Executor executor) {
            this.callbackExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Starts a client: its first attempt to connect begins at once, in the background. Each
         * call makes a new client.
         *
         * @throws IllegalArgumentException if the backoff options contradict each other, or the
         *     {@link #client} options do (an idle timeout not longer than the keepalive, TLS for a Unix
         *     endpoint): no attempt could ever succeed
         */
        public ReconnectingClient start() {
            BackoffPolicy policy = new BackoffPolicy(initialBackoff, maxBackoff, multiplier, jitter);
            client.validate(endpoint);
            return new ReconnectingClient(this, policy).begin();
        }
    }
}
