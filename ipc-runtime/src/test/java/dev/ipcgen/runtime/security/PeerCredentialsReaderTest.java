package dev.ipcgen.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.runtime.security.TestChannels.Kind;
import dev.ipcgen.runtime.testing.SocketDirs;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PeerCredentialsReaderTest {

    private Path dir;

    @BeforeEach
    void createDir() {
        dir = SocketDirs.create();
    }

    @AfterEach
    void deleteDir() {
        SocketDirs.delete(dir);
    }

    /** This process's ids from /proc, a source independent of the code under test. */
    private static long ownId(String attribute) throws Exception {
        return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:" + attribute)).longValue();
    }

    @Test
    void read_epollUnixSocket_givesUidGidAndPidOnBothEnds() throws Exception {
        try (TestChannels c = TestChannels.open(Kind.EPOLL_UNIX,
                TestChannels.unixAddress(Kind.EPOLL_UNIX, dir.resolve("s")), p -> { }, p -> { })) {
            PeerCredentials expected = PeerCredentials.of(ownId("uid"), ownId("gid"), ProcessHandle.current().pid());
            assertThat(PeerCredentialsReader.read(c.accepted)).isEqualTo(expected);
            assertThat(PeerCredentialsReader.read(c.client)).isEqualTo(expected);
        }
    }

    @Test
    void read_nioUnixSocket_givesUidAndGidButNoPid() throws Exception {
        try (TestChannels c = TestChannels.open(Kind.NIO_UNIX,
                TestChannels.unixAddress(Kind.NIO_UNIX, dir.resolve("s")), p -> { }, p -> { })) {
            PeerCredentials credentials = PeerCredentialsReader.read(c.accepted);
            assertThat(credentials.uid()).isEqualTo(OptionalLong.of(ownId("uid")));
            assertThat(credentials.gid()).isEqualTo(OptionalLong.of(ownId("gid")));
            assertThat(credentials.pid()).isEmpty();
            assertThat(PeerCredentialsReader.read(c.client)).isEqualTo(credentials);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"EPOLL_TCP", "NIO_TCP"})
    void read_tcp_isUnknown(Kind kind) throws Exception {
        try (TestChannels c = TestChannels.open(kind)) {
            assertThat(PeerCredentialsReader.read(c.accepted)).isSameAs(PeerCredentials.unknown());
            assertThat(PeerCredentialsReader.read(c.client)).isSameAs(PeerCredentials.unknown());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"EPOLL_UNIX", "NIO_UNIX"})
    void read_closedUnixChannel_isUnknownNotAnException(Kind kind) throws Exception {
        try (TestChannels c = TestChannels.open(kind, TestChannels.unixAddress(kind, dir.resolve("s")),
                p -> { }, p -> { })) {
            c.accepted.close().sync();
            assertThat(PeerCredentialsReader.read(c.accepted)).isEqualTo(PeerCredentials.unknown());
        }
    }

    @Test
    void read_channelWithoutSocket_isUnknown() {
        EmbeddedChannel channel = new EmbeddedChannel();
        assertThat(PeerCredentialsReader.read(channel)).isSameAs(PeerCredentials.unknown());
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void read_abstractEpollSocket_givesCredentials() throws Exception {
        String name = "@ipcgen-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        try (TestChannels c = TestChannels.open(Kind.EPOLL_UNIX, AbstractSocketNames.toEpollAddress(name),
                p -> { }, p -> { })) {
            assertThat(PeerCredentialsReader.read(c.accepted).uid()).isEqualTo(OptionalLong.of(ownId("uid")));
            assertThat(c.accepted.localAddress()).isNotInstanceOf(InetSocketAddress.class);
        }
    }
}
