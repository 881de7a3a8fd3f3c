package dev.ipcgen.examples.mesh;

import dev.ipcgen.runtime.CallContext;
import dev.ipcgen.runtime.CallOptions;
import dev.ipcgen.runtime.ConnectionListener;
import dev.ipcgen.runtime.IpcException;
import dev.ipcgen.runtime.Peer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The mesh of the service-mesh example: a registry of service instances, each a client connection
 * that serves {@code health_protocol} and {@code service_protocol}. It checks every instance's
 * health on a period (a call back over the instance's own connection), keeps the metrics the
 * checks return, routes calls to healthy instances round robin, and forgets an instance when its
 * connection closes.
 */
public final class Mesh implements DiscoveryProtocol.AsyncHandler, ConnectionListener {

    /** How long a health check may take before the instance counts as unhealthy. */
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(1);

    private final PrintStream log;
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextPick = new AtomicInteger();
    private final CountDownLatch shutdownRequested = new CountDownLatch(1);

    /** @param log where the mesh prints registrations, health changes and departures */
    public Mesh(PrintStream log) {
        this.log = log;
    }

    /** What one health check said; healthy with no calls until the first check answers. */
    private record Health(boolean healthy, long calls) {
    }

    /** One instance: its connection, and what the last health check said. */
    private static final class Registration {
        final Peer peer;
        final String service;
        final String name;
        /** One field, so that a report never pairs one check's health with another's calls. */
        volatile Health health = new Health(true, 0);

        Registration(Peer peer, String service, String name) {
            this.peer = peer;
            this.service = service;
            this.name = name;
        }

        Instance describe() {
            Health h = health;
            return new Instance(service, name, h.healthy(), h.calls());
        }
    }

    @Override
    public CompletionStage<DiscoveryProtocol.RegisterResponse> register(DiscoveryProtocol.RegisterRequest request,
            CallContext context) {
        Registration registration = new Registration(context.peer(), request.service(), request.instance());
        registrations.add(registration);
        if (context.isCancelled()) {
            // The connection closed meanwhile, perhaps before disconnected() could forget it.
            registrations.remove(registration);
            return CompletableFuture.failedFuture(new IllegalStateException("the connection closed"));
        }
        log.println("[mesh] " + request.service() + "/" + request.instance() + " registered");
        return CompletableFuture.completedFuture(new DiscoveryProtocol.RegisterResponse(instancesOf(request.service()).size()));
    }

    @Override
    public CompletionStage<DiscoveryProtocol.LookupResponse> lookup(DiscoveryProtocol.LookupRequest request,
            CallContext context) {
        return CompletableFuture.completedFuture(new DiscoveryProtocol.LookupResponse(
                instancesOf(request.service()).stream().map(Registration::describe).toList()));
    }

    @Override
    public CompletionStage<DiscoveryProtocol.RouteResponse> route(DiscoveryProtocol.RouteRequest request,
            CallContext context) {
        List<Registration> healthy = instancesOf(request.service()).stream().filter(r -> r.health.healthy()).toList();
        if (healthy.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "no healthy instance of " + request.service()));
        }
        Registration target = healthy.get(Math.floorMod(nextPick.getAndIncrement(), healthy.size()));
        // Asynchronous: the routed call's answer completes this one, no thread waits for it.
        return ServiceProtocol.sender(target.peer).handle(request.request())
                .thenApply(answer -> new DiscoveryProtocol.RouteResponse(answer.reply(), target.service + "/" + target.name));
    }

    @Override
    public CompletionStage<DiscoveryProtocol.ReportResponse> report(DiscoveryProtocol.ReportRequest request,
            CallContext context) {
        List<Instance> all = new ArrayList<>();
        for (Registration r : registrations) {
            all.add(r.describe());
        }
        all.sort(Comparator.comparing(Instance::service).thenComparing(Instance::name));
        return CompletableFuture.completedFuture(new DiscoveryProtocol.ReportResponse(all));
    }

    @Override
    public CompletionStage<DiscoveryProtocol.ShutdownResponse> shutdown(DiscoveryProtocol.ShutdownRequest request,
            CallContext context) {
        log.println("[mesh] shutdown requested");
        shutdownRequested.countDown();
        return CompletableFuture.completedFuture(new DiscoveryProtocol.ShutdownResponse(true));
    }

    @Override
    public void disconnected(Peer peer) {
        for (Registration r : registrations) {
            if (r.peer.equals(peer)) {
                registrations.remove(r);
                log.println("[mesh] " + r.service + "/" + r.name + " left");
            }
        }
    }

    /** Checks every instance once; the mesh's timer calls this on its period. */
    public void checkHealth() {
        for (Registration r : registrations) {
            HealthProtocol.sender(r.peer).withOptions(CallOptions.DEFAULT.withTimeout(CHECK_TIMEOUT)).check()
                    .whenComplete((answer, failure) -> {
                        boolean healthy = failure == null && answer.healthy();
                        Health before = r.health;
                        r.health = new Health(healthy, failure == null ? answer.calls() : before.calls());
                        if (healthy != before.healthy()) {
                            log.println("[mesh] " + r.service + "/" + r.name + " is now "
                                    + (healthy ? "healthy" : "unhealthy")
                                    + (failure instanceof IpcException e ? " (" + e.code() + ")" : ""));
                        }
                    });
        }
    }

    /** Blocks until a client calls {@code shutdown}. */
    public void awaitShutdownRequest() throws InterruptedException {
        shutdownRequested.await();
    }

    private List<Registration> instancesOf(String service) {
        return registrations.stream().filter(r -> r.service.equals(service)).toList();
    }
}
