package dev.ipcgen.runtime.security;

import io.netty.channel.Channel;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.kqueue.KQueueDomainSocketChannel;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import java.io.IOException;
import java.util.Objects;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * Reads a connected channel's {@link PeerCredentials} from the kernel.
 * Call it once per connection, from {@code channelActive}, and keep the result.
 *
 * <table>
 *   <caption>What each channel tells</caption>
 *   <tr><th>channel</th><th>source</th><th>uid</th><th>gid</th><th>pid</th></tr>
 *   <tr><td>{@link EpollDomainSocketChannel}</td><td>{@code SO_PEERCRED}</td><td>yes</td><td>yes</td><td>yes</td></tr>
 *   <tr><td>{@link KQueueDomainSocketChannel}</td><td>{@code LOCAL_PEERCRED}</td>
 *       <td>yes</td><td>yes</td><td>if the OS tells</td></tr>
 *   <tr><td>{@link NioDomainSocketChannel}</td><td>{@link ExtendedSocketOptions#SO_PEERCRED}</td>
 *       <td>yes</td><td>yes</td><td>no</td></tr>
 *   <tr><td>TCP and anything else</td><td>none</td><td>no</td><td>no</td><td>no</td></tr>
 * </table>
 *
 * <p>A read the kernel refuses gives {@link PeerCredentials#unknown()}
 * rather than an exception, so an authorizer that needs the ids denies the connection and says why.
 */
public final class PeerCredentialsReader {

    /** The all-ones {@code uid_t}/{@code gid_t}, which the kernel uses for "no id". */
    private static final long NO_ID = 0xFFFF_FFFFL;

    private PeerCredentialsReader() {
    }

    /** The peer's credentials on {@code channel}, which must be connected. */
    public static PeerCredentials read(Channel channel) {
        Objects.requireNonNull(channel, "channel");
        try {
            if (channel instanceof EpollDomainSocketChannel) {
                return fromNetty(((EpollDomainSocketChannel) channel).peerCredentials());
            }
            if (channel instanceof KQueueDomainSocketChannel) {
                return fromNetty(((KQueueDomainSocketChannel) channel).peerCredentials());
            }
            if (channel instanceof NioDomainSocketChannel) {
                return fromJdk(channel.config().getOption(NioChannelOption.of(ExtendedSocketOptions.SO_PEERCRED)));
            }
        } catch (IOException | RuntimeException e) {
            // A closed or half-torn-down socket: nothing trustworthy to report.
            return PeerCredentials.unknown();
        }
        return PeerCredentials.unknown();
    }

    private static PeerCredentials fromNetty(io.netty.channel.unix.PeerCredentials credentials) {
        int[] gids = credentials.gids();
        long gid = gids.length == 0 ? -1 : nativeId(gids[0]);
        long pid = credentials.pid() > 0 ? credentials.pid() : -1;
        return PeerCredentials.of(nativeId(credentials.uid()), gid, pid);
    }

    private static PeerCredentials fromJdk(UnixDomainPrincipal principal) {
        if (principal == null) {
            return PeerCredentials.unknown();
        }
        return PeerCredentials.of(
                PrincipalIds.uidOf(principal.user()), PrincipalIds.gidOf(principal.group()), -1);
    }

    /** Ids are unsigned 32-bit in C and arrive as Java {@code int}s. */
    private static long nativeId(int id) {
        long unsigned = Integer.toUnsignedLong(id);
        return unsigned == NO_ID ? -1 : unsigned;
    }
}
