package dev.ipcgen.examples.mesh;

import static dev.ipcgen.examples.Answers.await;

import dev.ipcgen.runtime.Peer;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A caller of the mesh in the service-mesh example, printing each call and its answer. */
public final class MeshCaller {

    /** How long {@link #awaitReport} waits for the health checks to show what it expects. */
    private static final long REPORT_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final DiscoveryProtocol.Sender mesh;
    private final String who;
    private final PrintStream out;

    /** A caller on {@code mesh}, printing its lines as {@code [who]}. */
    public MeshCaller(Peer mesh, String who, PrintStream out) {
        this.mesh = DiscoveryProtocol.sender(mesh);
        this.who = who;
        this.out = out;
    }

    /** Registers this connection as {@code service/name}. */
    public void register(String service, String name) throws InterruptedException {
        long instances = await(mesh.register(service, name)).instances();
        out.println("[" + who + "] registered as " + service + "/" + name + "; " + service + " has " + instances + " instance(s)");
    }

    /** Routes one request; returns which instance served it. */
    public String route(String service, String request) throws InterruptedException {
        DiscoveryProtocol.RouteResponse answer = await(mesh.route(service, request));
        out.println("[" + who + "] route " + service + " '" + request + "' -> '" + answer.reply() + "' from " + answer.servedBy());
        return answer.servedBy();
    }

    /**
     * Waits until the mesh's report, which its health checks keep current, satisfies {@code until},
     * then prints it.
     *
     * @return false if it did not within 10 s (printed anyway)
     */
    public boolean awaitReport(Predicate<List<Instance>> until) throws InterruptedException {
        long deadline = System.nanoTime() + REPORT_WAIT_NANOS;
        List<Instance> instances = await(mesh.report()).instances();
        while (!until.test(instances) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            instances = await(mesh.report()).instances();
        }
        out.println("[" + who + "] report:");
        for (Instance i : instances) {
            out.println("[" + who + "]   " + i.service() + "/" + i.name() + " " + (i.healthy() ? "healthy" : "unhealthy")
                    + " calls=" + i.calls());
        }
        return until.test(instances);
    }

    /** Asks the mesh to stop. */
    public void shutdown() throws InterruptedException {
        out.println("[" + who + "] shutdown -> accepted=" + await(mesh.shutdown()).accepted());
    }

    /** The calls the report counts for {@code service}, all instances together. */
    public static long calls(List<Instance> instances, String service) {
        return instances.stream().filter(i -> i.service().equals(service)).mapToLong(Instance::calls).sum();
    }
}
