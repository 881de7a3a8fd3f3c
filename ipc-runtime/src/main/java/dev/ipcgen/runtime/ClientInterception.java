package dev.ipcgen.runtime;

import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Runs an endpoint's {@link ClientInterceptor}s around one call or one-way message: their
 * {@code options}, then their {@code onCall} (a rejection, or an interceptor that throws, fails the
 * call before anything is encoded), then, once the call ended, every {@code onComplete}. Used only
 * when interceptors are registered, so calls without them pay nothing.
 */
final class ClientInterception {

    private static final InternalLogger log = InternalLoggerFactory.getInstance(ClientInterception.class);

    private ClientInterception() {
    }

    /**
     * Starts the call through {@code start} with the options the interceptors chose, unless one of
     * them refuses it, and reports its end to all of them.
     */
    static <T> CompletableFuture<T> around(Peer peer, ClientInterceptor[] interceptors, MethodDescriptor<?, ?> method,
            CallOptions options, Function<CallOptions, CompletableFuture<T>> start) {
        long startNanos = System.nanoTime();
        CallOptions decorated = decorate(peer, interceptors, method, options);
        IpcException refused = decorated == null ? interceptorFailed(peer, method)
                : intercept(peer, interceptors, method, decorated);
        if (refused != null) {
            completed(peer, interceptors, method, decorated != null ? decorated : options, startNanos, refused.code());
            return CompletableFuture.failedFuture(refused);
        }
        CompletableFuture<T> f = start.apply(decorated);
        f.whenComplete((v, t) -> completed(peer, interceptors, method, decorated, startNanos, outcome(t)));
        return f;
    }

    /** The options after each interceptor's {@code options}; {@code null} if one threw. */
    private static CallOptions decorate(Peer peer, ClientInterceptor[] interceptors, MethodDescriptor<?, ?> method,
            CallOptions options) {
        CallOptions o = options;
        for (ClientInterceptor i : interceptors) {
            try {
                o = Objects.requireNonNull(i.options(method, o, peer), "the options a client interceptor returned");
            } catch (RuntimeException e) {
                log.warn("{}: a client interceptor failed on {}", peer.describe(), method.fullName(), e);
                return null;
            }
        }
        return o;
    }

    /** The first refusal of the interceptors' {@code onCall} (or of one that throws), or {@code null}. */
    private static IpcException intercept(Peer peer, ClientInterceptor[] interceptors, MethodDescriptor<?, ?> method,
            CallOptions options) {
        for (ClientInterceptor i : interceptors) {
            Rejection r;
            try {
                r = i.onCall(method, options, peer);
            } catch (RuntimeException e) {
                log.warn("{}: a client interceptor failed on {}", peer.describe(), method.fullName(), e);
                return interceptorFailed(peer, method);
            }
            if (r != null) {
                return IpcException.callFailed(r.code(), method.fullName(), peer.describe(), r.message());
            }
        }
        return null;
    }

    private static IpcException interceptorFailed(Peer peer, MethodDescriptor<?, ?> method) {
        return IpcException.callFailed(ErrorCode.HANDLER_ERROR, method.fullName(), peer.describe(),
                "a client interceptor failed (see the log); nothing was sent");
    }

    /** {@code null} for success, else the failure's code. */
    private static ErrorCode outcome(Throwable failure) {
        if (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure == null) {
            return null;
        }
        if (failure instanceof IpcException) {
            return ((IpcException) failure).code();
        }
        return failure instanceof CancellationException ? ErrorCode.CANCELLED : ErrorCode.UNRECOGNIZED;
    }

    private static void completed(Peer peer, ClientInterceptor[] interceptors, MethodDescriptor<?, ?> method,
            CallOptions options, long startNanos, ErrorCode outcome) {
        long duration = System.nanoTime() - startNanos;
        for (ClientInterceptor i : interceptors) {
            try {
                i.onComplete(method, options, peer, outcome, duration);
            } catch (RuntimeException e) {
                log.warn("{}: a client interceptor failed after {}", peer.describe(), method.fullName(), e);
            }
        }
    }
}
