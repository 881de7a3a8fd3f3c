package dev.ipcgen.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A call made on a {@link ReconnectingClient} while it had no connection, waiting for one: the
 * future its caller holds. It ends exactly once: sent on a connection (then it completes as that
 * call does, and cancelling it cancels that call), or failed by its wait running out, by the
 * client closing or giving up, or cancelled. Only this slow path takes the lock.
 */
final class ReconnectingCall<Req, Resp> extends CompletableFuture<Resp> {

    private static final int WAITING = 0;
    /** Being handed to a connection, outside the lock: the wait can no longer run out. */
    private static final int SENDING = 1;
    private static final int SENT = 2;
    private static final int ENDED = 3;

    private final ReconnectingClient client;
    private final MethodDescriptor<Req, Resp> method;
    private final Req request;
    private final CallOptions options;
    private final boolean oneWay;
    private final long created = System.nanoTime();
    /** The call's own timeout, or -1 without one. */
    private final long timeoutNanos;
    /** How long it may wait for a connection: its timeout, or the client's maximum wait if shorter. */
    private final long waitNanos;
    private final boolean byCallTimeout;
    private int state;
    /** The wait ran out while the call was {@link #SENDING}: if the connection refuses it, it fails. */
    private boolean expiredWhileSending;
    private ScheduledFuture<?> timer;
    private CompletableFuture<Resp> sent;

    /**
     * @param oneWay whether the caller used {@link Peer#send} (so {@code Resp} is {@code Void})
     * @param maxWaitNanos the client's longest wait for a connection
     */
    ReconnectingCall(ReconnectingClient client, MethodDescriptor<Req, Resp> method, Req request, CallOptions options,
            boolean oneWay, long maxWaitNanos) {
        this.client = client;
        this.method = method;
        this.request = request;
        this.options = options;
        this.oneWay = oneWay;
        this.timeoutNanos = options.timeout().map(Connection::saturatedNanos).orElse(-1L);
        this.byCallTimeout = timeoutNanos >= 0 && timeoutNanos <= maxWaitNanos;
        this.waitNanos = byCallTimeout ? timeoutNanos : maxWaitNanos;
    }

    MethodDescriptor<Req, Resp> method() {
        return method;
    }

    /** Starts the clock of the wait; call once, after queueing. */
    void startTimer(ScheduledExecutorService timers) {
        ScheduledFuture<?> t = timers.schedule(this::expire, waitNanos, TimeUnit.NANOSECONDS);
        synchronized (this) {
            if (state == WAITING) {
                timer = t;
                return;
            }
        }
        t.cancel(false);
    }

    /**
     * Sends the call on {@code connection} unless it has ended.
     *
     * @return false if the connection refused it as unavailable (it is closing): the call still
     *     waits, for the next connection
     */
    boolean dispatch(IpcConnection connection) {
        ScheduledFuture<?> clock;
        CallOptions sendOptions = options;
        boolean send;
        synchronized (this) {
            if (state != WAITING) {
                return true;
            }
            clock = timer;
            if (isDone()) {
                // Completed by its holder (complete(), orTimeout()): nobody waits for an answer.
                send = false;
            } else {
                // The wait counts against the call's timeout: what is left goes with it.
                long left = timeoutNanos - (System.nanoTime() - created);
                if (timeoutNanos >= 0 && left > 0) {
                    sendOptions = options.withTimeout(Duration.ofNanos(left));
                }
                send = timeoutNanos < 0 || left > 0;
            }
            state = send ? SENDING : ENDED;
        }
        CompletableFuture<Resp> started = null;
        if (send) {
            // Outside the lock: under WritePolicy.WAIT this may block for room to write, and the
            // timer thread, shared by every client, must not wait for it in expire().
            started = start(connection, sendOptions);
            boolean refused = started.isDone() && ReconnectingClient.refusedAsClosing(connection, started);
            synchronized (this) {
                if (refused && !expiredWhileSending) {
                    state = WAITING;
                    return false;
                }
                if (refused) {
                    state = ENDED;
                    started = null;
                } else {
                    sent = started;
                    state = SENT;
                }
            }
        }
        if (clock != null) {
            clock.cancel(false);
        }
        client.leftQueue(this, false);
        if (started == null) {
            if (!isDone()) {
                long waited = send ? waitNanos : timeoutNanos;
                boolean byTimeout = !send || byCallTimeout;
                client.complete(() -> completeExceptionally(client.waitExpired(method, waited, byTimeout)));
            }
        } else if (started.isDone()) {
            // Ended at once, on this thread: the holder's callbacks must not run on the draining thread.
            CompletableFuture<Resp> done = started;
            client.complete(() -> adopt(done));
        } else {
            adopt(started);
        }
        if (started != null && isCancelled()) {
            // Cancelled while being sent, before cancel() could see the sent call.
            started.cancel(false);
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private CompletableFuture<Resp> start(IpcConnection connection, CallOptions sendOptions) {
        if (oneWay) {
            return (CompletableFuture<Resp>) connection.send((MethodDescriptor<Req, Void>) method, request, sendOptions);
        }
        return connection.call(method, request, sendOptions);
    }

    private void adopt(CompletableFuture<Resp> started) {
        started.whenComplete((value, error) -> {
            if (error == null) {
                complete(value);
            } else {
                completeExceptionally(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            }
        });
    }

    /** The wait ran out. */
    private void expire() {
        synchronized (this) {
            if (state == SENDING) {
                expiredWhileSending = true;
                return;
            }
        }
        fail(client.waitExpired(method, waitNanos, byCallTimeout), true);
    }

    /**
     * Fails the call with {@code error} if it still waits.
     *
     * @param queued whether it may still be in the client's queue
     */
    void fail(IpcException error, boolean queued) {
        if (end()) {
            client.leftQueue(this, queued);
            client.complete(() -> completeExceptionally(error));
        }
    }

    /** Ends the wait; false if it had already ended (sent, failed or cancelled). */
    private boolean end() {
        ScheduledFuture<?> clock;
        synchronized (this) {
            if (state != WAITING) {
                return false;
            }
            state = ENDED;
            clock = timer;
        }
        if (clock != null) {
            clock.cancel(false);
        }
        return true;
    }

    /** Cancels the wait, or the call if it was sent (which then sends CANCEL to the server). */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            if (end()) {
                client.leftQueue(this, true);
            } else {
                CompletableFuture<Resp> started;
                synchronized (this) {
                    started = sent;
                }
                if (started != null) {
                    started.cancel(mayInterruptIfRunning);
                }
            }
        }
        return cancelled;
    }
}
