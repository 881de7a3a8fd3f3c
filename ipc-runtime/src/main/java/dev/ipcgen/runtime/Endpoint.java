package dev.ipcgen.runtime;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a server listens and a client connects: a Unix domain socket path, a Linux abstract socket
 * name, or a TCP host and port. Immutable; {@link #toString()} is how errors and logs name it
 * ({@code unix:/run/app.sock}, {@code unix:@app}, {@code tcp:127.0.0.1:7000}).
 */
public final class Endpoint {

    private final Path path;
    private final String abstractName;
    private final String host;
    private final int port;

    private Endpoint(Path path, String abstractName, String host, int port) {
        this.path = path;
        this.abstractName = abstractName;
        this.host = host;
        this.port = port;
    }

    /** A Unix domain socket at {@code path}. */
    public static Endpoint unix(Path path) {
        return new Endpoint(Objects.requireNonNull(path, "path"), null, null, -1);
    }

    /**
     * A Linux abstract Unix socket named {@code name} (what C calls {@code "\0name"}): no file, so
     * no file mode either; any local process may connect, so give its server an authorizer
     * ({@code IpcServer.Builder.authorizer}). Needs the epoll transport; binding or connecting with
     * another fails with a message saying so.
     *
     * @param name the name without the leading {@code @} or NUL, 1 to 107 bytes of UTF-8
     * @throws IllegalArgumentException if {@code name} is empty or starts with {@code @}
     */
    public static Endpoint abstractUnix(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.startsWith("@")) {
            throw new IllegalArgumentException("abstract socket name '" + name
                    + "' (expected: the name without its leading @, at least one character)");
        }
        return new Endpoint(null, name, null, -1);
    }

    /**
     * A TCP endpoint.
     *
     * @param port 0 to 65535; a server given 0 listens on a free port, see {@link IpcServer#endpoint()}
     */
    public static Endpoint tcp(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port " + port + " (expected: 0..65535)");
        }
        return new Endpoint(null, null, host, port);
    }

    /** Whether this is a Unix domain socket: a socket file or an abstract name. */
    public boolean isUnix() {
        return host == null;
    }

    /** Whether this is a Linux abstract socket name ({@link #abstractUnix}). */
    public boolean isAbstract() {
        return abstractName != null;
    }

    /**
     * The socket file path of a Unix endpoint.
     *
     * @throws IllegalStateException for TCP and abstract socket names, which have no file
     */
    public Path path() {
        if (path == null) {
            throw new IllegalStateException(this + (isAbstract() ? " is an abstract socket name, with no file"
                    : " is not a Unix domain socket"));
        }
        return path;
    }

    /** The abstract name as written in addresses, {@code @name}, of an {@link #abstractUnix} endpoint. */
    public String abstractAddress() {
        if (abstractName == null) {
            throw new IllegalStateException(this + " is not an abstract socket name");
        }
        return "@" + abstractName;
    }

    /** The host of a TCP endpoint. */
    public String host() {
        if (host == null) {
            throw new IllegalStateException(this + " is not a TCP endpoint");
        }
        return host;
    }

    /** The port of a TCP endpoint. */
    public int port() {
        if (host == null) {
            throw new IllegalStateException(this + " is not a TCP endpoint");
        }
        return port;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint e && Objects.equals(path, e.path) && Objects.equals(abstractName, e.abstractName)
                && Objects.equals(host, e.host) && port == e.port;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, abstractName, host, port);
    }

    @Override
    public String toString() {
        return path != null ? "unix:" + path : abstractName != null ? "unix:@" + abstractName : "tcp:" + host + ":" + port;
    }
}
