package dev.ipcgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ipcgen.runtime.testing.SocketDirs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A server process killed in the middle of a call: the call fails at once, it does not hang. */
class KilledPeerTest {

    private final Path dir = SocketDirs.create();
    private Process child;

    @AfterEach
    void cleanUp() {
        if (child != null) {
            child.destroyForcibly();
        }
        SocketDirs.delete(dir);
    }

    @Test
    void killedServer_failsThePendingCallAtOnce_andAStaleSocketIsLeftToReplace() throws Exception {
        Path socket = dir.resolve("s.sock");
        child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChildServerMain.class.getName(), socket.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // Starting a JVM is not the behaviour under test; give it time on a loaded machine.
        assertThat(ready.get(20, TimeUnit.SECONDS)).isEqualTo("READY");

        try (IpcConnection c = IpcClient.connect(Endpoint.unix(socket))) {
            CompletableFuture<Long> pending = c.call(TestProtocols.SLEEP, 60_000L, CallOptions.DEFAULT);
            assertThat(c.call(TestProtocols.ECHO, "alive", CallOptions.DEFAULT).get(2, TimeUnit.SECONDS)).isEqualTo("alive");
            child.destroyForcibly();
            Throwable t = catchThrowable(() -> pending.get(2, TimeUnit.SECONDS));
            assertThat(t).isInstanceOf(ExecutionException.class).cause().isInstanceOf(IpcException.class)
                    .hasMessageStartingWith("calc.sleep on unix:" + socket + " failed: CONNECTION_CLOSED: connection ");
        }
        assertThat(child.waitFor(2, TimeUnit.SECONDS)).isTrue();
        try (IpcServer replacement = IpcServer.builder().listen(Endpoint.unix(socket)).serve(TestProtocols.other()).start();
                IpcConnection c = IpcClient.connect(replacement.endpoint())) {
            assertThat(c.call(TestProtocols.TWICE, 3L, CallOptions.DEFAULT).get(2, TimeUnit.SECONDS)).isEqualTo(6L);
        }
    }
}
