package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;

/** The transport suite over epoll Unix domain sockets; on Linux x86_64 epoll must be there. */
class EpollUnixTransportTest extends AbstractTransportTest {

    @Override
    Transport transport() {
        return Transport.AUTO;
    }

    @Override
    boolean unix() {
        return true;
    }

    @Override
    void checkTransport(Transport actual) {
        if (System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64")) {
            assertThat(actual).isEqualTo(Transport.EPOLL);
        }
    }
}
