package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.runtime.testing.SocketDirs;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How many event loops a server runs: as many as processors unless {@code ioThreads} says otherwise. */
class ServerThreadsTest {

    private final Path dir = SocketDirs.create();

    @AfterEach
    void cleanUp() {
        SocketDirs.delete(dir);
    }

    @Test
    void byDefault_asManyEventLoopsAsProcessors() {
        try (IpcServer server = IpcServer.builder().listen(Endpoint.unix(dir.resolve("s.sock"))).start()) {
            assertThat(server.ioThreadCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
        }
    }

    @Test
    void ioThreads_setsTheNumberOfEventLoops() {
        try (IpcServer server = IpcServer.builder().listen(Endpoint.unix(dir.resolve("s.sock"))).ioThreads(3).start()) {
            assertThat(server.ioThreadCount()).isEqualTo(3);
        }
    }
}
