package dev.ipcgen.runtime;

/**
 * The I/O implementation under a server or connection. Unix domain sockets and TCP both use the
 * chosen family's channels.
 */
public enum Transport {
    /**
     * Epoll on Linux when its native library loads, kqueue on macOS, else JDK NIO; the system
     * property {@code ipcgen.transport} ({@code epoll}, {@code kqueue}, {@code nio}) overrides it.
     */
    AUTO,
    /** Linux epoll (native); fails if it is not available. */
    EPOLL,
    /** BSD/macOS kqueue (native); fails if it is not available. */
    KQUEUE,
    /** JDK NIO; Unix domain sockets through {@code java.net.UnixDomainSocketAddress} (JDK 16+). */
    NIO
}
