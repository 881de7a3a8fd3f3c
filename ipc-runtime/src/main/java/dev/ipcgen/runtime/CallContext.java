package dev.ipcgen.runtime;

import dev.ipcgen.runtime.security.PeerCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What a handler knows about the call it is serving. */
public interface CallContext {

    /**
     * The peer that made the call; generated senders over it call back on the same connection.
     * While this call is served, calls made through it inherit this call's deadline (their timeout
     * is at most the time left) and its cancellation (they are cancelled when this call is, and fail
     * at once after). Once this call's answer is written (or dropped, the call having been
     * cancelled), the peer is the plain connection: one kept after the handler returned (to push
     * to the caller later) inherits no deadline or cancellation, and its calls leave nothing
     * behind. It is {@link Object#equals equal}, with the same hash code, to every other object
     * standing for this connection: the peer a {@link ConnectionListener} is told of, the entry in
     * {@link IpcServer#peers()} on a server, the {@link IpcConnection} on a client; so it can key
     * per-connection state.
     */
    Peer peer();

    /**
     * The caller's Unix credentials (uid, gid, and pid where the transport tells), read once when
     * its connection opened; {@link PeerCredentials#unknown()} on TCP. The same as
     * {@code peer().credentials()}.
     */
    default PeerCredentials credentials() {
        return peer().credentials();
    }

    /**
     * The subject of the caller's TLS client certificate (mutual TLS), e.g. {@code CN=client,O=ipcgen};
     * empty without TLS or without a client certificate. The same as {@code peer().tlsSubject()}.
     */
    default Optional<String> tlsSubject() {
        return peer().tlsSubject();
    }

    /** The message being served. */
    MethodDescriptor<?, ?> method();

    /** The caller's call id; 0 for a one-way message. */
    long callId();

    /**
     * Whether the call was cancelled: by its caller, by its timeout passing (it has been answered
     * already), or by its connection closing (the caller is gone: it closed, died, or was closed
     * after an idle timeout). A long handler may stop; whatever it returns is dropped.
     */
    default boolean isCancelled() {
        return false;
    }

    /** The metadata the caller sent with this call (auth token, trace id...); empty if none. */
    default Map<String, Bytes> metadata() {
        return Map.of();
    }

    /**
     * When the caller's timeout passes, if it sent one (wire-format.md section 2: counted from when
     * this end received the REQUEST); empty for no deadline and for one-way messages.
     */
    default Optional<Instant> deadline() {
        return Optional.empty();
    }

    /** The time left before {@link #deadline()}, zero once it passed; empty for no deadline. */
    default Optional<Duration> timeRemaining() {
        return Optional.empty();
    }

    /**
     * Runs {@code listener} once when the call is cancelled ({@link #isCancelled()}: by its caller,
     * its deadline, or its connection closing), on the endpoint's callback executor, or at once on
     * this thread if that already happened. Never runs for a call that ends normally; a listener
     * added after that is dropped.
     */
    default void onCancel(Runnable listener) {
    }
}
