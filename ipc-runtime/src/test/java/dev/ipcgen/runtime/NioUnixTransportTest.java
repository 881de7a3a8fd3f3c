package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;

/** The transport suite over JDK NIO Unix domain sockets. */
class NioUnixTransportTest extends AbstractTransportTest {

    @Override
    Transport transport() {
        return Transport.NIO;
    }

    @Override
    boolean unix() {
        return true;
    }

    @Override
    void checkTransport(Transport actual) {
        assertThat(actual).isEqualTo(Transport.NIO);
    }
}
