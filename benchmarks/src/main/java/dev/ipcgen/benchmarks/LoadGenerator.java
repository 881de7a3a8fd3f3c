package dev.ipcgen.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Closed-loop load on one connection, server and client in this JVM over a Unix socket (or, for
 * {@code get_user}, TCP or TCP with TLS on 127.0.0.1): N calls
 * in flight, each completion starting the next call. After a warmup it measures for a fixed
 * window and prints calls/s and latency percentiles in µs.
 *
 * <p>Scenarios: {@code get_user} ({@code app_protocol.get_user} through generated code and the
 * runtime) and {@code echo} (a bare Netty epoll echo of length-prefixed frames: the floor).
 * {@code --transport tls} makes a self-signed certificate with {@code keytool} at start, so TLS
 * throughput can be read next to plain {@code tcp}. {@code --executors inline} declares the
 * server's service non-blocking ({@code Service.inline()}: handlers on the server's event loop,
 * futures still completed on the client's pool); {@code --executors direct} runs handlers and
 * completes futures on the event loops on both sides ({@code Runnable::run} executors); the
 * default, {@code pool}, uses the runtime's worker pools.
 *
 * <pre>
 * java -Xmx1g -jar benchmarks/target/benchmarks-0.1.0-SNAPSHOT-all.jar \
 *     [--scenario get_user|echo] [--transport unix|tcp|tls] [--inflight 64] [--payload 64]
 *     [--executors pool|inline|direct] [--warmup 5] [--duration 10]
 * </pre>
 */
public final class LoadGenerator {

    /** Latencies above this are recorded as this (the histogram's range). */
    static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private LoadGenerator() {
    }

    /** Runs one scenario and prints its line. */
    public static void main(String[] args) throws Exception {
        String scenario = "get_user";
        String transport = "unix";
        String executors = "pool";
        int inFlight = 64;
        int payload = 64;
        int warmup = 5;
        int duration = 10;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--scenario" -> scenario = scenarioName(value);
                case "--transport" -> transport = transportName(value);
                case "--executors" -> executors = executorsName(value);
                case "--inflight" -> inFlight = parse(args[i], value);
                case "--payload" -> payload = parse(args[i], value);
                case "--warmup" -> warmup = parse(args[i], value);
                case "--duration" -> duration = parse(args[i], value);
                default -> usage("unknown option " + args[i]);
            }
        }
        if (scenario.equals("echo") && (!transport.equals("unix") || !executors.equals("pool"))) {
            usage("--scenario echo runs over a Unix socket only, with no executors to choose");
        }
        Path dir = Files.createTempDirectory("ipcb");
        Path socket = dir.resolve("bench.sock");
        try (LoadScenario load = scenario.equals("echo")
                ? new EchoScenario(socket, payload)
                : new GetUserScenario(socket, payload, transport, executors)) {
            measure(load, inFlight, payload, warmup, duration);
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        }
        System.exit(0);
    }

    private static void measure(LoadScenario load, int inFlight, int payload, int warmupSeconds, int durationSeconds)
            throws Exception {
        Recorder latencies = new Recorder(MAX_LATENCY_NANOS, 3);
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        load.start(inFlight, latencies, completed, errors);
        TimeUnit.SECONDS.sleep(warmupSeconds);
        latencies.reset();
        long calls0 = completed.get();
        long t0 = System.nanoTime();
        TimeUnit.SECONDS.sleep(durationSeconds);
        long calls = completed.get() - calls0;
        long elapsed = System.nanoTime() - t0;
        Histogram h = latencies.getIntervalHistogram();
        System.out.printf("%s payload=%dB inflight=%d: %,.0f calls/s  p50=%.1f p90=%.1f p99=%.1f p99.9=%.1f us"
                        + "  (errors=%d)%n",
                load.describe(), payload, inFlight, calls * 1e9 / elapsed,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0, errors.get());
    }

    private static String scenarioName(String value) {
        if (!"get_user".equals(value) && !"echo".equals(value)) {
            usage("--scenario takes get_user or echo, not '" + value + "'");
        }
        return value;
    }

    private static String transportName(String value) {
        if (!"unix".equals(value) && !"tcp".equals(value) && !"tls".equals(value)) {
            usage("--transport takes unix, tcp or tls, not '" + value + "'");
        }
        return value;
    }

    private static String executorsName(String value) {
        if (!"pool".equals(value) && !"inline".equals(value) && !"direct".equals(value)) {
            usage("--executors takes pool, inline or direct, not '" + value + "'");
        }
        return value;
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
        usage(option + " takes a positive number, not '" + value + "'");
        return 0;
    }

    private static void usage(String problem) {
        System.err.println("error: " + problem);
        System.err.println("usage: LoadGenerator [--scenario get_user|echo] [--transport unix|tcp|tls]"
                + " [--executors pool|inline|direct] [--inflight N] [--payload BYTES] [--warmup SECONDS] [--duration SECONDS]");
        System.exit(2);
    }
}
