package dev.ipcgen.runtime;

/**
 * Sees every call an endpoint serves (REQUEST and ONEWAY), in registration order: to authorize,
 * log, trace or measure. Registered with {@code IpcServer.Builder.serverInterceptor} or
 * {@code IpcClient.Builder.serverInterceptor}. Both methods run on the handler executor (or the
 * callback executor when the call ended without its handler: caller's deadline, CANCEL, the
 * connection closing, or the handler executor refusing the call) and must not block for long. With none registered the runtime does no extra
 * work per call.
 *
 * <p>An {@link #onCall} that throws (an {@link Error} included) is logged and counts as a
 * rejection with {@link ErrorCode#HANDLER_ERROR} ("a server interceptor failed: ..."), so a broken
 * authorizer fails closed; the connection is unaffected. Anything {@link #onComplete} throws is
 * only logged.
 */
public interface ServerInterceptor {

    /**
     * Before the request is decoded and the handler runs. Return {@code null} to let the call
     * through, or a {@link Rejection}: the caller is answered with its code and message and the
     * handler never runs (a rejected one-way message is dropped and counted).
     *
     * @param call the call's protocol and method ({@link CallContext#method()}), metadata, peer, deadline
     */
    default Rejection onCall(CallContext call) {
        return null;
    }

    /**
     * Once the call ended: answered, failed, rejected, cancelled, past its deadline, refused by the
     * handler executor, or its connection closed before it was answered. Called exactly once per
     * call, on every interceptor; also for a call that ended so before its {@link #onCall} ran, which
     * then never runs.
     *
     * @param outcome {@code null} when the handler answered normally (for a one-way message: returned
     *     normally); otherwise the code answered ({@link ErrorCode#UNAVAILABLE} when the handler
     *     executor refused the call), {@link ErrorCode#CONNECTION_CLOSED} when the connection closed
     *     first, or for a one-way message the reason it was dropped
     * @param durationNanos from the frame's arrival to the answer being queued for writing
     */
    default void onComplete(CallContext call, ErrorCode outcome, long durationNanos) {
    }
}
