package dev.ipcgen.benchmarks;

import dev.ipcgen.examples.basic.AppProtocol;
import dev.ipcgen.examples.basic.Role;
import dev.ipcgen.examples.basic.User;
import dev.ipcgen.runtime.CallContext;
import dev.ipcgen.runtime.Endpoint;
import dev.ipcgen.runtime.IpcClient;
import dev.ipcgen.runtime.IpcConnection;
import dev.ipcgen.runtime.IpcServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Closed-loop load on one connection: server and client in this JVM over a Unix socket, N calls
 * of {@code app_protocol.get_user} in flight, each completion starting the next call. After a
 * warmup it measures for a fixed window and prints calls/s and latency percentiles in µs.
 *
 * <pre>
 * java -Xmx1g -jar benchmarks/target/benchmarks-0.1.0-SNAPSHOT-all.jar \
 *     [--inflight 64] [--payload 64] [--warmup 5] [--duration 10]
 * </pre>
 */
public final class LoadGenerator {

    private final int inFlight;
    private final int payload;
    private final int warmupSeconds;
    private final int durationSeconds;

    private LoadGenerator(int inFlight, int payload, int warmupSeconds, int durationSeconds) {
        this.inFlight = inFlight;
        this.payload = payload;
        this.warmupSeconds = warmupSeconds;
        this.durationSeconds = durationSeconds;
    }

    /** Runs one scenario and prints its line. */
    public static void main(String[] args) throws Exception {
        int inFlight = 64;
        int payload = 64;
        int warmup = 5;
        int duration = 10;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--inflight" -> inFlight = parse(args[i], value);
                case "--payload" -> payload = parse(args[i], value);
                case "--warmup" -> warmup = parse(args[i], value);
                case "--duration" -> duration = parse(args[i], value);
                default -> {
                    System.err.println("error: unknown option " + args[i]
                            + " (expected --inflight N, --payload BYTES, --warmup S, --duration S)");
                    System.exit(2);
                }
            }
            i++;
        }
        new LoadGenerator(inFlight, payload, warmup, duration).run();
        System.exit(0);
    }

    private static int parse(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println("error: " + option + " takes a positive number, not '" + value + "'");
        System.exit(2);
        return 0;
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("ipcb");
        Path socket = dir.resolve("bench.sock");
        User user = new User(7, "x".repeat(payload), Optional.empty(), List.of(Role.Member), Map.of());
        AppProtocol.GetUserResponse answer = new AppProtocol.GetUserResponse(Optional.of(user));
        try (IpcServer server = IpcServer.builder()
                .listen(Endpoint.unix(socket))
                .serve(AppProtocol.service(new FixedAnswer(answer)))
                .start();
                IpcConnection connection = IpcClient.connect(Endpoint.unix(socket))) {
            AppProtocol.Sender sender = AppProtocol.sender(connection);
            ClosedLoop loop = new ClosedLoop(sender);
            loop.start(inFlight);
            TimeUnit.SECONDS.sleep(warmupSeconds);
            loop.recorder.reset();
            long calls0 = loop.completed.get();
            long t0 = System.nanoTime();
            TimeUnit.SECONDS.sleep(durationSeconds);
            long calls = loop.completed.get() - calls0;
            long elapsed = System.nanoTime() - t0;
            Histogram h = loop.recorder.getIntervalHistogram();
            loop.stop();
            System.out.printf("get_user payload=%dB inflight=%d transport=%s: %,.0f calls/s  "
                            + "p50=%.1f p90=%.1f p99=%.1f p99.9=%.1f us  (errors=%d)%n",
                    payload, inFlight, connection.transport(), calls * 1e9 / elapsed,
                    h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0,
                    loop.errors.get());
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        }
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

    /** N chains of calls; each completion records its latency and starts the next call of its chain. */
    private static final class ClosedLoop {
        final Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(10), 3);
        final AtomicLong completed = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AppProtocol.Sender sender;
        private CountDownLatch stopped;

        ClosedLoop(AppProtocol.Sender sender) {
            this.sender = sender;
        }

        void start(int chains) {
            stopped = new CountDownLatch(chains);
            for (int i = 0; i < chains; i++) {
                next(i + 1L);
            }
        }

        private void next(long id) {
            if (!running.get()) {
                stopped.countDown();
                return;
            }
            long start = System.nanoTime();
            sender.getUser(id).whenComplete((response, failure) -> {
                recorder.recordValue(Math.min(System.nanoTime() - start, TimeUnit.SECONDS.toNanos(10)));
                completed.incrementAndGet();
                if (failure != null) {
                    // A failed chain stops rather than retrying, so a broken run cannot spin.
                    errors.incrementAndGet();
                    stopped.countDown();
                    return;
                }
                next(id);
            });
        }

        void stop() throws InterruptedException {
            running.set(false);
            stopped.await(5, TimeUnit.SECONDS);
        }
    }
}
