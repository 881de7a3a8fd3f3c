package dev.ipcgen.runtime;

/**
 * Sees every call and one-way message an endpoint makes, in registration order: to add metadata
 * (an auth token, a trace id), check, log, trace or measure. Registered with
 * {@code IpcClient.Builder.clientInterceptor} or {@code IpcServer.Builder.clientInterceptor} (calls a
 * server makes to its clients). {@link #options} and {@link #onCall} run on the caller's thread,
 * {@link #onComplete} on the callback executor (or the caller's thread when the call failed at
 * once); none may block for long. With none registered the runtime does no extra work per call.
 *
 * <p>An interceptor that throws is logged, and the call fails locally with
 * {@link ErrorCode#HANDLER_ERROR} ("a client interceptor failed"); nothing is sent and the connection
 * is unaffected. An exception from {@link #onComplete} is only logged.
 */
public interface ClientInterceptor {

    /**
     * First, before anything is encoded: the options to send the call with, e.g.
     * {@code options.withMetadata("authorization", token)}. Each interceptor gets what the previous
     * one returned; the default returns {@code options} unchanged.
     *
     * @param method the protocol and message
     * @param options the caller's options, as changed by the interceptors before this one
     * @param peer where the call goes
     */
    default CallOptions options(MethodDescriptor<?, ?> method, CallOptions options, Peer peer) {
        return options;
    }

    /**
     * Then, with the options that will be sent: return {@code null} to let the call through, or a
     * {@link Rejection}: the call fails locally with its code and message, and nothing is sent.
     *
     * @param method the protocol and message
     * @param options the call's timeout and metadata, after every interceptor's {@link #options}
     * @param peer where the call goes
     */
    default Rejection onCall(MethodDescriptor<?, ?> method, CallOptions options, Peer peer) {
        return null;
    }

    /**
     * Once the call ended (for a one-way message: once written, or failed), rejected calls included;
     * called on every interceptor, whichever ended the call.
     *
     * @param outcome {@code null} on success; otherwise the error's code ({@link ErrorCode#CANCELLED}
     *     when the caller cancelled its future)
     * @param durationNanos from just before the first {@link #options} to the end
     */
    default void onComplete(MethodDescriptor<?, ?> method, CallOptions options, Peer peer, ErrorCode outcome,
            long durationNanos) {
    }
}
