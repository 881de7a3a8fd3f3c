package dev.ipcgen.examples.mesh;

import dev.ipcgen.runtime.CallContext;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One instance of a service in the service-mesh example: does the service's work for routed
 * calls ({@code reverse} reverses the request, {@code upper} upper-cases it, any other service
 * echoes it) and answers the mesh's health checks with its call count. With
 * {@code unhealthyAfter > 0} it reports itself unhealthy once it has handled that many calls, as
 * an overloaded instance would.
 */
public final class ServiceInstance implements ServiceProtocol.Handler, HealthProtocol.Handler {

    private final String service;
    private final String name;
    private final long unhealthyAfter;
    private final PrintStream out;
    private final AtomicLong calls = new AtomicLong();

    /**
     * @param unhealthyAfter calls after which health checks answer unhealthy; 0 for never
     */
    public ServiceInstance(String service, String name, long unhealthyAfter, PrintStream out) {
        this.service = service;
        this.name = name;
        this.unhealthyAfter = unhealthyAfter;
        this.out = out;
    }

    /** What this instance's service makes of {@code request}. */
    public static String work(String service, String request) {
        return switch (service) {
            case "reverse" -> new StringBuilder(request).reverse().toString();
            case "upper" -> request.toUpperCase(Locale.ROOT);
            default -> request;
        };
    }

    @Override
    public ServiceProtocol.HandleResponse handle(ServiceProtocol.HandleRequest request, CallContext context) {
        long n = calls.incrementAndGet();
        String reply = work(service, request.request());
        out.println("[" + service + "/" + name + "] call " + n + ": '" + request.request() + "' -> '" + reply + "'");
        return new ServiceProtocol.HandleResponse(reply);
    }

    @Override
    public HealthProtocol.CheckResponse check(HealthProtocol.CheckRequest request, CallContext context) {
        long n = calls.get();
        return new HealthProtocol.CheckResponse(unhealthyAfter <= 0 || n < unhealthyAfter, n);
    }

    /** The service this instance belongs to. */
    public String service() {
        return service;
    }

    /** The instance's name within its service. */
    public String name() {
        return name;
    }
}
