package dev.ipcgen.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipcgen.runtime.security.TestChannels.Kind;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.buffer.ByteBuf;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AbstractSocketNamesTest {

    @Test
    void toEpollAddress_prefixesNul() {
        DomainSocketAddress address = AbstractSocketNames.toEpollAddress("@app");
        assertThat(address.path()).isEqualTo("\0app");
        assertThat(AbstractSocketNames.describe(address)).isEqualTo("@app");
        assertThat(AbstractSocketNames.describe(new DomainSocketAddress("/tmp/a.sock"))).isEqualTo("/tmp/a.sock");
    }

    @Test
    void describe_writesTcpAddressesAsEndpointsPrintThem() throws Exception {
        assertThat(AbstractSocketNames.describe(new java.net.InetSocketAddress("127.0.0.1", 7000)))
                .isEqualTo("tcp:127.0.0.1:7000");
        assertThat(AbstractSocketNames.describe(new java.net.InetSocketAddress(
                java.net.InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}), 7443)))
                .isEqualTo("tcp:localhost:7443");
    }

    @Test
    void toEpollAddress_checksLength() {
        assertThat(AbstractSocketNames.toEpollAddress("@" + "n".repeat(107)).path()).hasSize(108);
        assertThatThrownBy(() -> AbstractSocketNames.toEpollAddress("@" + "n".repeat(108)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("is 108 bytes long after '@' (expected 1 to 107)");
        assertThatThrownBy(() -> AbstractSocketNames.toEpollAddress("@"))
                .hasMessage("abstract socket name '@' is 0 bytes long after '@' (expected 1 to 107)");
        assertThatThrownBy(() -> AbstractSocketNames.toEpollAddress("/tmp/a.sock"))
                .hasMessage("'/tmp/a.sock' is not an abstract socket name (expected @name)");
    }

    @Test
    void requireSupported_abstractNameOnNio_explains() {
        assertThatThrownBy(() -> AbstractSocketNames.requireSupported("@app", NioServerDomainSocketChannel.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("abstract socket name '@app' needs the epoll transport on Linux, but the transport is "
                        + "NioServerDomainSocketChannel: JDK NIO and kqueue bind only socket files; use a path such "
                        + "as /run/app/app.sock, or the epoll transport");
        AbstractSocketNames.requireSupported("@app", EpollServerDomainSocketChannel.class);
        AbstractSocketNames.requireSupported("@app", EpollDomainSocketChannel.class);
        AbstractSocketNames.requireSupported("/tmp/app.sock", NioServerDomainSocketChannel.class);
    }

    @Test
    void jdkAddress_rejectsNul_whichIsWhyNioCannotBindAbstractNames() {
        assertThatThrownBy(() -> UnixDomainSocketAddress.of("\0app"))
                .hasMessageContaining("Nul character not allowed");
    }

    @Test
    void epoll_bindsAndConnectsToAnAbstractName() throws Exception {
        String name = "@ipcgen-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        CompletableFuture<String> received = new CompletableFuture<>();
        try (TestChannels c = TestChannels.open(Kind.EPOLL_UNIX, AbstractSocketNames.toEpollAddress(name),
                p -> p.addLast(new SimpleChannelInboundHandler<ByteBuf>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
                        received.complete(msg.toString(StandardCharsets.US_ASCII));
                    }
                }), p -> { })) {
            assertThat(AbstractSocketNames.describe(c.server.localAddress())).isEqualTo(name);
            c.client.writeAndFlush(Unpooled.copiedBuffer("hi", StandardCharsets.US_ASCII)).sync();
            assertThat(received.get(2, TimeUnit.SECONDS)).isEqualTo("hi");
        }
    }
}
