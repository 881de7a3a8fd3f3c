package dev.ipcgen.runtime;

/**
 * Told when connections open and close, e.g. to keep per-connection state (open transactions,
 * subscriptions) or to push calls to every connected peer. Both methods run on the callback
 * executor, {@code disconnected} always after {@code connected} for the same peer; an exception
 * thrown here is logged and otherwise ignored.
 */
public interface ConnectionListener {

    /**
     * The peer's HELLO has arrived: it may be called from now on. This {@link Peer} is equal to
     * {@link CallContext#peer()} of every call on this connection (and on a client to its
     * {@link IpcConnection}), so it can key per-connection state.
     */
    default void connected(Peer peer) {
    }

    /** The connection closed; calls still pending on it have failed. */
    default void disconnected(Peer peer) {
    }
}
