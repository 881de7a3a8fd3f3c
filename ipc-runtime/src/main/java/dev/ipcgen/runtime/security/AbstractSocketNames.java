package dev.ipcgen.runtime.security;

import io.netty.channel.Channel;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Linux abstract socket names, written {@code @name}: Unix sockets that live in the network
 * namespace instead of the file system, so there is no file to leave behind and no file mode. Any
 * local process in the namespace may connect, so a server on one needs an {@link Authorizer}
 * (e.g. {@link Authorizers#sameUser()}).
 *
 * <p>Only the epoll transport binds them: Netty passes a {@link DomainSocketAddress} whose path
 * starts with NUL to the kernel with its exact length (so a C, Rust or Python peer connecting to
 * {@code "\0name"} meets it). The JDK's {@code UnixDomainSocketAddress} rejects the NUL, and kqueue
 * platforms have no abstract namespace.
 */
public final class AbstractSocketNames {

    /** {@code sun_path} is 108 bytes on Linux; an abstract name uses all but the leading NUL. */
    public static final int MAX_NAME_BYTES = 107;

    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");

    private AbstractSocketNames() {
    }

    /** Whether {@code address} is written as an abstract name, {@code @name}. */
    public static boolean isAbstract(String address) {
        return address.startsWith("@");
    }

    /**
     * The epoll address of the abstract name {@code @name}.
     *
     * @throws IllegalArgumentException if {@code address} is not {@code @} followed by 1 to
     *     {@value #MAX_NAME_BYTES} bytes of UTF-8, or if this is not Linux
     */
    public static DomainSocketAddress toEpollAddress(String address) {
        Objects.requireNonNull(address, "address");
        if (!isAbstract(address)) {
            throw new IllegalArgumentException("'" + address + "' is not an abstract socket name (expected @name)");
        }
        if (!LINUX) {
            throw new IllegalArgumentException("abstract socket name '" + address
                    + "' needs Linux; on " + System.getProperty("os.name") + " use a socket file path");
        }
        int bytes = address.substring(1).getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("abstract socket name '" + address + "' is " + bytes
                    + " bytes long after '@' (expected 1 to " + MAX_NAME_BYTES + ")");
        }
        return new DomainSocketAddress("\0" + address.substring(1));
    }

    /**
     * Checks that {@code channelType} can bind or connect to {@code address}: an abstract name
     * needs an epoll Unix socket channel; a file path goes anywhere.
     *
     * @throws IllegalArgumentException if {@code address} is abstract and {@code channelType} is not epoll
     */
    public static void requireSupported(String address, Class<? extends Channel> channelType) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(channelType, "channelType");
        if (isAbstract(address) && channelType != EpollDomainSocketChannel.class
                && channelType != EpollServerDomainSocketChannel.class) {
            throw new IllegalArgumentException("abstract socket name '" + address
                    + "' needs the epoll transport on Linux, but the transport is " + channelType.getSimpleName()
                    + ": JDK NIO and kqueue bind only socket files; use a path such as /run/app/app.sock, "
                    + "or the epoll transport");
        }
    }

    /**
     * {@code address} for messages: a TCP address as endpoints print ({@code tcp:127.0.0.1:7000}),
     * an abstract epoll address as {@code @name}, others as they print.
     */
    public static String describe(SocketAddress address) {
        if (address instanceof DomainSocketAddress) {
            String path = ((DomainSocketAddress) address).path();
            return path.startsWith("\0") ? "@" + path.substring(1) : path;
        }
        if (address instanceof InetSocketAddress inet) {
            return "tcp:" + inet.getHostString() + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
