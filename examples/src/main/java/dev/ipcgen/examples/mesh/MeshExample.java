package dev.ipcgen.examples.mesh;

import dev.ipcgen.examples.Example;
import dev.ipcgen.examples.ExampleArgs;
import dev.ipcgen.examples.ExampleClient;
import dev.ipcgen.examples.ExampleFailure;
import dev.ipcgen.examples.ExampleFiles;
import dev.ipcgen.examples.ExampleServer;
import dev.ipcgen.runtime.Endpoint;
import dev.ipcgen.runtime.IpcConnection;
import dev.ipcgen.runtime.IpcException;
import dev.ipcgen.runtime.IpcServer;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The service-mesh example: services register with a mesh over one Unix socket each; the mesh
 * health-checks them (calls back over their connections), collects their call counts, and routes
 * calls from any client to a healthy instance.
 *
 * <ul>
 *   <li>{@code demo}: the mesh, two {@code reverse} instances (one turning unhealthy after two calls),
 *       an {@code upper} instance and a caller, in this process;
 *   <li>{@code server --socket PATH [--check-ms N]}: the mesh, checking health every N ms (default
 *       200), until a client calls {@code shutdown};
 *   <li>{@code client --socket PATH --service S --instance NAME [--unhealthy-after N]}: an instance,
 *       serving until the mesh closes;
 *   <li>{@code client --socket PATH [--route S --request TEXT [--times N]] [--report] [--shutdown]}:
 *       a caller.
 * </ul>
 */
public final class MeshExample implements Example {

    @Override
    public int run(ExampleArgs args) throws InterruptedException {
        switch (args.mode()) {
            case "demo" -> {
                args.allowOnly(Set.of());
                demo();
                return 0;
            }
            case "server" -> {
                args.allowOnly(Set.of("socket", "check-ms"));
                long checkMillis = args.unsignedLong("check-ms", 200);
                if (checkMillis < 10 || checkMillis > 60_000) {
                    throw new ExampleArgs.UsageException("--check-ms takes 10 to 60000, not " + checkMillis);
                }
                serve(args.socket(), checkMillis);
                return 0;
            }
            default -> {
                if (args.option("service").isPresent()) {
                    args.allowOnly(Set.of("socket", "service", "instance", "unhealthy-after"));
                    String name = args.option("instance").orElseThrow(
                            () -> new ExampleArgs.UsageException("an instance needs --instance NAME"));
                    runInstance(args.socket(), new ServiceInstance(args.option("service").get(), name,
                            args.unsignedLong("unhealthy-after", 0), System.out));
                    return 0;
                }
                args.allowOnly(Set.of("socket", "route", "request", "times", "report", "shutdown"));
                return call(args) ? 0 : 1;
            }
        }
    }

    private static void demo() throws InterruptedException {
        Path dir = ExampleFiles.tempDir();
        Path socket = dir.resolve("mesh.sock");
        Mesh mesh = new Mesh(System.out);
        ScheduledExecutorService checks = startChecks(mesh, 100);
        try (IpcServer server = start(socket, mesh)) {
            System.out.println("[demo] mesh listening on " + server.endpoint());
            ServiceInstance r1 = new ServiceInstance("reverse", "r1", 0, System.out);
            ServiceInstance r2 = new ServiceInstance("reverse", "r2", 2, System.out);
            ServiceInstance u1 = new ServiceInstance("upper", "u1", 0, System.out);
            try (IpcConnection c1 = connectInstance(socket, r1);
                    IpcConnection c2 = connectInstance(socket, r2);
                    IpcConnection c3 = connectInstance(socket, u1);
                    IpcConnection callerConnection = ExampleClient.connect(socket)) {
                new MeshCaller(c1, "r1", System.out).register(r1.service(), r1.name());
                new MeshCaller(c2, "r2", System.out).register(r2.service(), r2.name());
                new MeshCaller(c3, "u1", System.out).register(u1.service(), u1.name());
                MeshCaller caller = new MeshCaller(callerConnection, "caller", System.out);

                System.out.println("[demo] 1. calls routed round robin over both reverse instances");
                for (String word : new String[] {"mesh", "route", "health", "check"}) {
                    caller.route("reverse", word);
                }
                caller.route("upper", "metrics");
                System.out.println("[demo] 2. r2 reports itself unhealthy after 2 calls; the next check takes it out");
                caller.awaitReport(instances -> instances.stream().anyMatch(i -> i.name().equals("r2") && !i.healthy()));
                for (String word : new String[] {"only", "r1"}) {
                    caller.route("reverse", word);
                }
            }
        } finally {
            checks.shutdownNow();
            ExampleFiles.deleteQuietly(socket);
            ExampleFiles.deleteQuietly(dir);
        }
        System.out.println("[demo] done");
    }

    private static void serve(Path socket, long checkMillis) throws InterruptedException {
        Mesh mesh = new Mesh(System.out);
        IpcServer server = start(socket, mesh);
        ScheduledExecutorService checks = startChecks(mesh, checkMillis);
        ExampleServer.serveUntil(server, "mesh", ", checking health every " + checkMillis + " ms", () -> {
            mesh.awaitShutdownRequest();
            checks.shutdownNow();
        });
    }

    private static void runInstance(Path socket, ServiceInstance instance) throws InterruptedException {
        try (IpcConnection connection = connectInstance(socket, instance)) {
            new MeshCaller(connection, instance.name(), System.out).register(instance.service(), instance.name());
            connection.closeFuture().join();
            System.out.println("[" + instance.name() + "] the mesh closed the connection; stopping");
        } catch (IpcException e) {
            throw new ExampleFailure(e.getMessage());
        }
    }

    private static boolean call(ExampleArgs args) throws InterruptedException {
        long times = args.unsignedLong("times", 1);
        if (times < 1 || times > 10_000) {
            throw new ExampleArgs.UsageException("--times takes 1 to 10000, not " + times);
        }
        try (IpcConnection connection = ExampleClient.connect(args.socket())) {
            MeshCaller caller = new MeshCaller(connection, "caller", System.out);
            boolean ok = true;
            if (args.option("route").isPresent()) {
                String service = args.option("route").get();
                String request = args.option("request").orElseThrow(
                        () -> new ExampleArgs.UsageException("--route needs --request TEXT"));
                for (long i = 0; i < times; i++) {
                    caller.route(service, request);
                }
                if (args.option("report").isPresent()) {
                    // The mesh learns call counts from its health checks: wait for one after these calls.
                    ok = caller.awaitReport(instances -> MeshCaller.calls(instances, service) >= times);
                }
            } else if (args.option("report").isPresent()) {
                caller.awaitReport(instances -> true);
            }
            if (args.option("shutdown").isPresent()) {
                caller.shutdown();
            }
            return ok;
        } catch (IpcException e) {
            throw new ExampleFailure(e.getMessage());
        }
    }

    /** A connection serving {@code instance}'s protocols to the mesh. */
    private static IpcConnection connectInstance(Path socket, ServiceInstance instance) {
        return ExampleClient.connect(socket, ServiceProtocol.service(instance), HealthProtocol.service(instance));
    }

    private static ScheduledExecutorService startChecks(Mesh mesh, long periodMillis) {
        ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("mesh-health", true));
        checks.scheduleAtFixedRate(mesh::checkHealth, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return checks;
    }

    private static IpcServer start(Path socket, Mesh mesh) {
        return ExampleFailure.reporting(() -> IpcServer.builder()
                .listen(Endpoint.unix(socket))
                .serve(DiscoveryProtocol.service(mesh))
                .connectionListener(mesh)
                .start());
    }
}
