package dev.ipcgen.runtime;

/** The transport suite over TCP on 127.0.0.1, with the platform's best transport. */
class TcpTransportTest extends AbstractTransportTest {

    @Override
    Transport transport() {
        return Transport.AUTO;
    }

    @Override
    boolean unix() {
        return false;
    }
}
