package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipcgen.runtime.testing.SocketDirs;
import dev.ipcgen.runtime.transport.TransportFamily;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code ipcgen.transport} system property overrides AUTO; a builder's explicit choice wins over it. */
class TransportOverrideTest {

    private final Path dir = SocketDirs.create();

    @AfterEach
    void stop() {
        System.clearProperty(TransportFamily.TRANSPORT_PROPERTY);
        SocketDirs.delete(dir);
    }

    @Test
    void property_overridesAuto_onBothEnds() throws Exception {
        System.setProperty(TransportFamily.TRANSPORT_PROPERTY, "NiO");
        try (IpcServer server = IpcServer.builder().listen(Endpoint.unix(dir.resolve("s.sock")))
                .serve(TestProtocols.calc(new ConcurrentLinkedQueue<>())).start();
                IpcConnection client = IpcClient.connect(server.endpoint())) {
            assertThat(server.transport()).isEqualTo(Transport.NIO);
            assertThat(client.transport()).isEqualTo(Transport.NIO);
            assertThat(client.call(TestProtocols.ECHO, "nio", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS)).isEqualTo("nio");
        }
    }

    @Test
    void explicitBuilderChoice_winsOverTheProperty() {
        System.setProperty(TransportFamily.TRANSPORT_PROPERTY, "nio");
        Transport auto = TransportFamily.of(Transport.AUTO).transport();
        assertThat(auto).isEqualTo(Transport.NIO);
        System.clearProperty(TransportFamily.TRANSPORT_PROPERTY);
        assertThat(TransportFamily.of(Transport.NIO).transport()).isEqualTo(Transport.NIO);
        System.setProperty(TransportFamily.TRANSPORT_PROPERTY, "epoll");
        assertThat(TransportFamily.of(Transport.NIO).transport()).isEqualTo(Transport.NIO);
    }

    @Test
    void unknownPropertyValue_failsNamingTheChoices() {
        System.setProperty(TransportFamily.TRANSPORT_PROPERTY, "carrier-pigeon");
        Path path = dir.resolve("s.sock");
        assertThatThrownBy(() -> IpcServer.builder().listen(Endpoint.unix(path)).start())
                .isInstanceOf(IpcException.class)
                .hasMessage("cannot listen on unix:" + path + ": -Dipcgen.transport=carrier-pigeon names no transport "
                        + "(expected: auto, epoll, kqueue or nio)");
    }
}
