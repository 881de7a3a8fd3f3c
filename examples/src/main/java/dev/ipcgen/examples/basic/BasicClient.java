package dev.ipcgen.examples.basic;

import static dev.ipcgen.examples.Answers.await;

import dev.ipcgen.runtime.Peer;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The client side of the basic example: calls every message of both protocols over one
 * connection and prints each call and its answer.
 */
public final class BasicClient {

    private final AppProtocol.Sender app;
    private final AdminProtocol.Sender admin;
    private final PrintStream out;

    /** A client of both protocols on {@code peer}, printing to {@code out}. */
    public BasicClient(Peer peer, PrintStream out) {
        this.app = AppProtocol.sender(peer);
        this.admin = AdminProtocol.sender(peer);
        this.out = out;
    }

    /**
     * Runs the conversation.
     *
     * @param userId the id to look up
     * @param message the one-way log message
     * @param shutdown whether to end by asking the server to shut down
     */
    public void run(long userId, String message, boolean shutdown) throws InterruptedException {
        out.println("-> app_protocol.ping()");
        await(app.ping());
        out.println("<- pong");

        out.println("-> app_protocol.get_user(id=" + Long.toUnsignedString(userId) + ")");
        Optional<User> user = await(app.getUser(userId)).user();
        out.println("<- user=" + user.map(BasicClient::format).orElse("none"));

        out.println("-> app_protocol.list_users()");
        List<User> users = await(app.listUsers()).users();
        out.println("<- users=" + users.stream().map(u -> u.name()).collect(Collectors.joining(", ", "[", "]")));

        out.println("-> app_protocol.log(level=1, message=" + message + ")  (one-way)");
        await(app.log(1, message));
        out.println("<- (written, no answer)");

        out.println("-> admin_protocol.stats()");
        AdminProtocol.StatsResponse stats = await(admin.stats());
        out.println("<- connections=" + stats.connections() + " calls=" + Long.toUnsignedString(stats.calls()));

        if (shutdown) {
            out.println("-> admin_protocol.shutdown(reason=client done)");
            out.println("<- accepted=" + await(admin.shutdown("client done")).accepted());
        }
    }

    /** One line with every field, u64 values unsigned. */
    public static String format(User u) {
        return "User{id=" + Long.toUnsignedString(u.id())
                + ", name=" + u.name()
                + ", email=" + u.email().orElse("none")
                + ", roles=" + u.roles()
                + ", attributes=" + u.attributes().entrySet().stream()
                        .map(Map.Entry::toString).collect(Collectors.joining(", ", "{", "}"))
                + "}";
    }
}
