package dev.ipcgen.benchmarks;

import dev.ipcgen.examples.basic.AppProtocol;
import dev.ipcgen.examples.basic.Role;
import dev.ipcgen.examples.basic.User;
import dev.ipcgen.runtime.CallContext;
import dev.ipcgen.runtime.Endpoint;
import dev.ipcgen.runtime.IpcClient;
import dev.ipcgen.runtime.IpcConnection;
import dev.ipcgen.runtime.IpcServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * {@code app_protocol.get_user} through the generated sender and handler, server and client on
 * the runtime's defaults; the answer is a {@code User} whose name has the payload's size.
 */
final class GetUserScenario implements LoadScenario {

    private final IpcServer server;
    private final IpcConnection connection;
    private final AppProtocol.Sender sender;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private CountDownLatch stopped;

    GetUserScenario(Path socket, int payload) {
        User user = new User(7, "x".repeat(payload), Optional.empty(), List.of(Role.Member), Map.of());
        server = IpcServer.builder()
                .listen(Endpoint.unix(socket))
                .serve(AppProtocol.service(new FixedAnswer(new AppProtocol.GetUserResponse(Optional.of(user)))))
                .start();
        connection = IpcClient.connect(Endpoint.unix(socket));
        sender = AppProtocol.sender(connection);
    }

    @Override
    public void start(int inFlight, Recorder latencies, AtomicLong completed, AtomicLong errors) {
        stopped = new CountDownLatch(inFlight);
        for (int i = 0; i < inFlight; i++) {
            next(i + 1L, latencies, completed, errors);
        }
    }

    private void next(long id, Recorder latencies, AtomicLong completed, AtomicLong errors) {
        if (!running.get()) {
            stopped.countDown();
            return;
        }
        long start = System.nanoTime();
        sender.getUser(id).whenComplete((response, failure) -> {
            latencies.recordValue(Math.min(System.nanoTime() - start, LoadGenerator.MAX_LATENCY_NANOS));
            completed.incrementAndGet();
            if (failure != null) {
                // A failed chain stops rather than retrying, so a broken run cannot spin.
                errors.incrementAndGet();
                stopped.countDown();
                return;
            }
            next(id, latencies, completed, errors);
        });
    }

    @Override
    public String describe() {
        return "get_user transport=" + connection.transport();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        if (stopped != null) {
            stopped.await(5, TimeUnit.SECONDS);
        }
        connection.close();
        server.close();
    }

    /** The server's handler: the same prebuilt answer for every id. */
    private record FixedAnswer(AppProtocol.GetUserResponse answer) implements AppProtocol.Handler {
        @Override
        public AppProtocol.GetUserResponse getUser(AppProtocol.GetUserRequest request, CallContext context) {
            return answer;
        }

        @Override
        public AppProtocol.ListUsersResponse listUsers(AppProtocol.ListUsersRequest request, CallContext context) {
            return new AppProtocol.ListUsersResponse(List.of());
        }

        @Override
        public void log(AppProtocol.LogRequest request, CallContext context) {
            // The benchmark sends no log messages.
        }

        @Override
        public AppProtocol.PingResponse ping(AppProtocol.PingRequest request, CallContext context) {
            return new AppProtocol.PingResponse();
        }
    }
}
