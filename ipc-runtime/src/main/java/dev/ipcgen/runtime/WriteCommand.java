package dev.ipcgen.runtime;

/**
 * Something another thread wants written on a connection: a call's REQUEST (which also registers
 * the call), a one-way message, or an answer. Run by the {@link WriteQueue} on the event loop.
 */
interface WriteCommand {

    /** Writes (without flushing) on the event loop; the connection may already be closed. */
    void write(Connection connection);

    /** The command cannot run (the event loop is gone): release what it holds and fail its call. */
    void abandon(Connection connection);
}
