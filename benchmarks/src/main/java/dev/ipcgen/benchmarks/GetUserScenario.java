package dev.ipcgen.benchmarks;

import dev.ipcgen.examples.basic.AppProtocol;
import dev.ipcgen.examples.basic.Role;
import dev.ipcgen.examples.basic.User;
import dev.ipcgen.runtime.CallContext;
import dev.ipcgen.runtime.Endpoint;
import dev.ipcgen.runtime.IpcClient;
import dev.ipcgen.runtime.IpcConnection;
import dev.ipcgen.runtime.IpcServer;
import dev.ipcgen.runtime.Service;
import dev.ipcgen.runtime.security.TlsSettings;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
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
 * the runtime's defaults; the answer is a {@code User} whose name has the payload's size. Over a
 * Unix socket, TCP on 127.0.0.1, or TCP with TLS (a self-signed certificate made at start by
 * {@code keytool}, which the client trusts).
 */
final class GetUserScenario implements LoadScenario {

    /** The password of the throwaway key store made for {@code tls}. */
    private static final String PASSWORD = "benchmark";

    private final String transportName;
    private final IpcServer server;
    private final IpcConnection connection;
    private final AppProtocol.Sender sender;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private CountDownLatch stopped;

    /**
     * @param transport {@code unix}, {@code tcp} or {@code tls}
     * @param executors {@code pool} (the runtime's worker pools), {@code inline} (the server's
     *     service declared non-blocking: its handlers run on the event loop, which saves two thread
     *     hand-offs per call) or {@code direct} (handlers run and futures complete on the event
     *     loops of both sides, {@code Runnable::run}: four hand-offs fewer)
     */
    GetUserScenario(Path socket, int payload, String transport, String executors) throws Exception {
        transportName = executors.equals("pool") ? transport : transport + " (executors=" + executors + ")";
        User user = new User(7, "x".repeat(payload), Optional.empty(), List.of(Role.Member), Map.of());
        Service service = AppProtocol.service(new FixedAnswer(new AppProtocol.GetUserResponse(Optional.of(user))));
        IpcServer.Builder serverBuilder = IpcServer.builder()
                .listen(transport.equals("unix") ? Endpoint.unix(socket) : Endpoint.tcp("127.0.0.1", 0))
                .serve(executors.equals("inline") ? service.inline() : service);
        IpcClient.Builder clientBuilder = IpcClient.builder();
        if (executors.equals("direct")) {
            serverBuilder.handlerExecutor(Runnable::run).callbackExecutor(Runnable::run);
            clientBuilder.handlerExecutor(Runnable::run).callbackExecutor(Runnable::run);
        }
        if (transport.equals("tls")) {
            KeyStore identity = selfSigned();
            serverBuilder.tls(TlsSettings.builder().identity(identity, PASSWORD.toCharArray()).build());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", identity.getCertificate("server"));
            clientBuilder.tls(TlsSettings.builder().trust(trust).build());
        }
        server = serverBuilder.start();
        connection = clientBuilder.connect(server.endpoint());
        sender = AppProtocol.sender(connection);
    }

    /**
     * A self-signed EC certificate for 127.0.0.1, made by the JDK's keytool in a temporary
     * directory that is gone once the key store is loaded.
     */
    private static KeyStore selfSigned() throws Exception {
        Path dir = Files.createTempDirectory("ipcb-tls");
        Path store = dir.resolve("server.p12");
        try {
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=ipcgen benchmark", "-ext", "san=ip:127.0.0.1", "-validity", "2",
                    "-keystore", store.toString(), "-storetype", "PKCS12",
                    "-storepass", PASSWORD, "-keypass", PASSWORD)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool could not make the benchmark's TLS certificate: " + output);
            }
            KeyStore identity = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                identity.load(in, PASSWORD.toCharArray());
            }
            return identity;
        } finally {
            Files.deleteIfExists(store);
            Files.deleteIfExists(dir);
        }
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
        return "get_user over " + transportName + " transport=" + connection.transport();
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
