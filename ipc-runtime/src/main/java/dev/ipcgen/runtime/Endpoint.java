package dev.ipcgen.runtime;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a server listens and a client connects: a Unix domain socket path or a TCP host and port.
 * Immutable; {@link #toString()} is how errors and logs name it ({@code unix:/run/app.sock},
 * {@code tcp:127.0.0.1:7000}).
 */
public final class Endpoint {

    private final Path path;
    private final String host;
    private final int port;

    private Endpoint(Path path, String host, int port) {
        this.path = path;
        this.host = host;
        this.port = port;
    }

    /** A Unix domain socket at {@code path}. */
    public static Endpoint unix(Path path) {
        return new Endpoint(Objects.requireNonNull(path, "path"), null, -1);
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
        return new Endpoint(null, host, port);
    }

    /** Whether this is a Unix domain socket. */
    public boolean isUnix() {
        return path != null;
    }

    /** The socket path of a Unix endpoint. */
    public Path path() {
        if (path == null) {
            throw new IllegalStateException(this + " is not a Unix domain socket");
        }
        return path;
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
        return o instanceof Endpoint e && Objects.equals(path, e.path) && Objects.equals(host, e.host) && port == e.port;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, host, port);
    }

    @Override
    public String toString() {
        return path != null ? "unix:" + path : "tcp:" + host + ":" + port;
    }
}
