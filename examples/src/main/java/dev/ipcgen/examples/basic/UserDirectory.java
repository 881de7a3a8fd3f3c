package dev.ipcgen.examples.basic;

import dev.ipcgen.runtime.CallContext;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;

/**
 * The one handler object of the basic example, serving both {@code app_protocol} and
 * {@code admin_protocol}: plain Java, one class implementing two generated interfaces.
 *
 * <p>Users are made on demand from their id, so a client can check every field of an answer
 * against the id it sent (see {@link #userFor(long)}).
 */
public final class UserDirectory implements AppProtocol.Handler, AdminProtocol.Handler {

    private final PrintStream log;
    private final LongSupplier connections;
    private final AtomicLong calls = new AtomicLong();
    private final CountDownLatch shutdownRequested = new CountDownLatch(1);

    /**
     * @param log where one-way log messages and shutdown requests are printed
     * @param connections how many connections the server has open, for {@code stats}
     *     ({@code calls} in {@code stats} counts the request/response calls answered, itself included)
     */
    public UserDirectory(PrintStream log, LongSupplier connections) {
        this.log = log;
        this.connections = connections;
    }

    /**
     * The user with this id: name {@code user-ID}, an email only for even ids, one role chosen by
     * {@code id mod 3} (unsigned), and its id in hex as an attribute. Id 0 has no user.
     */
    public static Optional<User> userFor(long id) {
        if (id == 0) {
            return Optional.empty();
        }
        String unsignedId = Long.toUnsignedString(id);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("id_hex", Long.toHexString(id));
        attributes.put("source", "basic-example");
        return Optional.of(new User(
                id,
                "user-" + unsignedId,
                (id & 1) == 0 ? Optional.of("user-" + unsignedId + "@example.com") : Optional.empty(),
                List.of(Role.values()[(int) Long.remainderUnsigned(id, 3)]),
                attributes));
    }

    @Override
    public AppProtocol.GetUserResponse getUser(AppProtocol.GetUserRequest request, CallContext context) {
        calls.incrementAndGet();
        return new AppProtocol.GetUserResponse(userFor(request.id()));
    }

    @Override
    public AppProtocol.ListUsersResponse listUsers(AppProtocol.ListUsersRequest request, CallContext context) {
        calls.incrementAndGet();
        return new AppProtocol.ListUsersResponse(
                LongStream.rangeClosed(1, 3).mapToObj(UserDirectory::userFor).map(Optional::orElseThrow).toList());
    }

    @Override
    public void log(AppProtocol.LogRequest request, CallContext context) {
        // Not counted: a one-way message may still be in the handler when a later call counts.
        log.println("[server] log level " + request.level() + ": " + request.message());
    }

    @Override
    public AppProtocol.PingResponse ping(AppProtocol.PingRequest request, CallContext context) {
        calls.incrementAndGet();
        return new AppProtocol.PingResponse();
    }

    @Override
    public AdminProtocol.ShutdownResponse shutdown(AdminProtocol.ShutdownRequest request, CallContext context) {
        calls.incrementAndGet();
        log.println("[server] shutdown requested: " + request.reason());
        shutdownRequested.countDown();
        return new AdminProtocol.ShutdownResponse(true);
    }

    @Override
    public AdminProtocol.StatsResponse stats(AdminProtocol.StatsRequest request, CallContext context) {
        return new AdminProtocol.StatsResponse(connections.getAsLong(), calls.incrementAndGet());
    }

    /** Waits until a client has asked the server to shut down. */
    public void awaitShutdownRequest() throws InterruptedException {
        shutdownRequested.await();
    }
}
