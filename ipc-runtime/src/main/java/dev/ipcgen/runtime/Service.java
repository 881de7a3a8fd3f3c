package dev.ipcgen.runtime;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * A protocol with a handler for each of its messages: what a server (or a client serving calls
 * from its peer) registers. Generated code builds one in {@code XxxProtocol.service(handler)}.
 */
public final class Service {

    private final ProtocolDescriptor descriptor;
    private final MethodBinding<?, ?>[] bindings;
    private final boolean inline;

    private Service(ProtocolDescriptor descriptor, MethodBinding<?, ?>[] bindings, boolean inline) {
        this.descriptor = descriptor;
        this.bindings = bindings;
        this.inline = inline;
    }

    /** Starts a service for {@code descriptor}; every message needs a handler before {@code build()}. */
    public static Builder builder(ProtocolDescriptor descriptor) {
        return new Builder(descriptor);
    }

    /** The protocol served. */
    public ProtocolDescriptor descriptor() {
        return descriptor;
    }

    /**
     * The same handlers, declared non-blocking: each runs on the event loop that read its request,
     * with no hand-off to the handler executor, which saves two thread switches per call (see
     * docs/performance.md). Other services of the same endpoint still run on its handler executor.
     *
     * <p>Only for handlers that never block: while one runs, no other call of its event loop's
     * connections is read or written. Such a handler must not wait for anything, in particular not
     * for the future of a call it makes (through {@code context.peer()} or otherwise): the answer
     * would have to be read by the very thread that waits. It may make calls and return a stage
     * (an async handler) that completes when they answer. A call it makes that would wait for room
     * to send fails with {@code RESOURCE_EXHAUSTED} instead.
     */
    public Service inline() {
        return inline ? this : new Service(descriptor, bindings, true);
    }

    /** Whether this service's handlers run on the event loop ({@link #inline()}). */
    public boolean isInline() {
        return inline;
    }

    /** The handler of the message with wire index {@code index}, or {@code null} if out of range. */
    public MethodBinding<?, ?> binding(int index) {
        return index >= 0 && index < bindings.length ? bindings[index] : null;
    }

    /** A blocking request/response handler. */
    @FunctionalInterface
    public interface UnaryHandler<Req, Resp> {
        /** Answers one call; an exception becomes {@code HANDLER_ERROR} with its message. */
        Resp handle(Req request, CallContext context) throws Exception;
    }

    /** An asynchronous request/response handler. */
    @FunctionalInterface
    public interface AsyncUnaryHandler<Req, Resp> {
        /** Answers one call when the stage completes. */
        CompletionStage<Resp> handle(Req request, CallContext context);
    }

    /** A blocking one-way handler. */
    @FunctionalInterface
    public interface OneWayHandler<Req> {
        /** Takes one message; an exception is logged and counted, never answered. */
        void handle(Req request, CallContext context) throws Exception;
    }

    /** An asynchronous one-way handler. */
    @FunctionalInterface
    public interface AsyncOneWayHandler<Req> {
        /** Takes one message; a failed stage is logged and counted, never answered. */
        CompletionStage<Void> handle(Req request, CallContext context);
    }

    /**
     * A message and its handler: exactly one of the four handler fields is set.
     *
     * @param <Req> the request record
     * @param <Resp> the response record, {@link Void} for one-way
     */
    public record MethodBinding<Req, Resp>(
            MethodDescriptor<Req, Resp> method,
            UnaryHandler<Req, Resp> unary,
            AsyncUnaryHandler<Req, Resp> asyncUnary,
            OneWayHandler<Req> oneWay,
            AsyncOneWayHandler<Req> asyncOneWay) {
    }

    /** Collects one handler per message. */
    public static final class Builder {
        private final ProtocolDescriptor descriptor;
        private final MethodBinding<?, ?>[] bindings;

        private Builder(ProtocolDescriptor descriptor) {
            this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
            this.bindings = new MethodBinding<?, ?>[descriptor.methods().size()];
        }

        /** Handles a request/response message on the handler executor. */
        public <Req, Resp> Builder unary(MethodDescriptor<Req, Resp> method, UnaryHandler<Req, Resp> handler) {
            return bind(method, false, new MethodBinding<>(method, Objects.requireNonNull(handler), null, null, null));
        }

        /** Handles a request/response message asynchronously. */
        public <Req, Resp> Builder unaryAsync(MethodDescriptor<Req, Resp> method, AsyncUnaryHandler<Req, Resp> handler) {
            return bind(method, false, new MethodBinding<>(method, null, Objects.requireNonNull(handler), null, null));
        }

        /** Handles a one-way message on the handler executor. */
        public <Req> Builder oneWay(MethodDescriptor<Req, Void> method, OneWayHandler<Req> handler) {
            return bind(method, true, new MethodBinding<>(method, null, null, Objects.requireNonNull(handler), null));
        }

        /** Handles a one-way message asynchronously. */
        public <Req> Builder oneWayAsync(MethodDescriptor<Req, Void> method, AsyncOneWayHandler<Req> handler) {
            return bind(method, true, new MethodBinding<>(method, null, null, null, Objects.requireNonNull(handler)));
        }

        private Builder bind(MethodDescriptor<?, ?> method, boolean oneWay, MethodBinding<?, ?> binding) {
            int i = method.index();
            if (i >= bindings.length || descriptor.methods().get(i) != method) {
                throw new IllegalArgumentException(method + " is not a message of " + descriptor);
            }
            if (method.isOneWay() != oneWay) {
                throw new IllegalArgumentException(method + (oneWay ? " is not one-way" : " is one-way"));
            }
            if (bindings[i] != null) {
                throw new IllegalStateException(method + " already has a handler");
            }
            bindings[i] = binding;
            return this;
        }

        /** The service; fails if a message has no handler. */
        public Service build() {
            for (int i = 0; i < bindings.length; i++) {
                if (bindings[i] == null) {
                    throw new IllegalStateException(descriptor.methods().get(i) + " has no handler");
                }
            }
            return new Service(descriptor, bindings.clone(), false);
        }
    }
}
