package dev.ipcgen.examples.bidirectional;

import static dev.ipcgen.examples.Answers.await;

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
import java.nio.file.Path;
import java.util.Set;

/**
 * The bidirectional example: a chat room over one Unix socket, calls going both ways on each
 * connection. Members call the room ({@code room_protocol}); the room calls a member back while the
 * member's {@code join} is in flight, and pushes every line said to the other members
 * ({@code member_protocol}, served by each client).
 *
 * <ul>
 *   <li>{@code demo [--text TEXT]}: the room and two members, alice and bob, in this process;
 *   <li>{@code server --socket PATH}: the room, until a member calls {@code close_room} (or the
 *       process is stopped);
 *   <li>{@code client --socket PATH --name NAME [--hear N] [--say TEXT] [--close]}: joins, then
 *       waits until N lines were pushed to it, says TEXT, and asks the room to close, in that order.
 * </ul>
 */
public final class BidirectionalExample implements Example {

    /** How long a client waits for the lines it was told to expect. */
    private static final long HEAR_SECONDS = 60;

    @Override
    public int run(ExampleArgs args) throws InterruptedException {
        switch (args.mode()) {
            case "demo" -> {
                args.allowOnly(Set.of("text"));
                demo(args.option("text").orElse("hello, room"));
            }
            case "server" -> {
                args.allowOnly(Set.of("socket"));
                serve(args.socket());
            }
            default -> {
                args.allowOnly(Set.of("socket", "name", "hear", "say", "close"));
                String name = args.option("name").orElseThrow(() -> new ExampleArgs.UsageException("client needs --name NAME"));
                long hear = args.unsignedLong("hear", 0);
                if (Long.compareUnsigned(hear, 1000) > 0) {
                    throw new ExampleArgs.UsageException("--hear takes at most 1000 lines, not " + Long.toUnsignedString(hear));
                }
                client(args.socket(), name, (int) hear, args.option("say").orElse(null), args.option("close").isPresent());
            }
        }
        return 0;
    }

    private static void demo(String text) throws InterruptedException {
        Path dir = ExampleFiles.tempDir();
        Path socket = dir.resolve("chat.sock");
        try (IpcServer server = start(socket, new ChatRoom(System.out))) {
            System.out.println("[demo] room listening on " + server.endpoint());
            ChatMember alice = new ChatMember("alice", System.out);
            ChatMember bob = new ChatMember("bob", System.out);
            try (IpcConnection aliceConnection = ExampleClient.connect(socket, MemberProtocol.service(alice));
                    IpcConnection bobConnection = ExampleClient.connect(socket, MemberProtocol.service(bob))) {
                RoomProtocol.Sender aliceSays = RoomProtocol.sender(aliceConnection);
                RoomProtocol.Sender bobSays = RoomProtocol.sender(bobConnection);
                join(aliceSays, alice);
                join(bobSays, bob);
                say(bobSays, bob, text);
                expect(alice, 1);
                say(aliceSays, alice, "hi bob, I heard: " + text);
                expect(bob, 1);
            }
        } finally {
            ExampleFiles.deleteQuietly(socket);
            ExampleFiles.deleteQuietly(dir);
        }
        System.out.println("[demo] done");
    }

    private static void serve(Path socket) throws InterruptedException {
        ChatRoom room = new ChatRoom(System.out);
        ExampleServer.serveUntil(start(socket, room), "server", "", room::awaitCloseRequest);
    }

    private static void client(Path socket, String name, int hear, String text, boolean close) throws InterruptedException {
        ChatMember member = new ChatMember(name, System.out);
        try (IpcConnection connection = ExampleClient.connect(socket, MemberProtocol.service(member))) {
            RoomProtocol.Sender room = RoomProtocol.sender(connection);
            join(room, member);
            if (hear > 0) {
                expect(member, hear);
            }
            if (text != null) {
                say(room, member, text);
            }
            if (close) {
                System.out.println("-> [" + name + "] room_protocol.close_room()");
                System.out.println("<- accepted=" + await(room.closeRoom()).accepted());
            }
        } catch (IpcException e) {
            throw new ExampleFailure(e.getMessage());
        }
    }

    private static void join(RoomProtocol.Sender room, ChatMember member) throws InterruptedException {
        System.out.println("-> [" + member.name() + "] room_protocol.join(name=" + member.name() + ")");
        System.out.println("<- [" + member.name() + "] members=" + await(room.join(member.name())).members());
    }

    private static void say(RoomProtocol.Sender room, ChatMember member, String text) throws InterruptedException {
        System.out.println("-> [" + member.name() + "] room_protocol.say(text=" + text + ")");
        System.out.println("<- [" + member.name() + "] delivered=" + await(room.say(text)).delivered());
    }

    private static void expect(ChatMember member, int lines) throws InterruptedException {
        System.out.println("[" + member.name() + "] waiting for " + lines + " line(s)");
        if (!member.awaitLines(lines, HEAR_SECONDS)) {
            throw new ExampleFailure(member.name() + " did not hear " + lines + " line(s) within " + HEAR_SECONDS + " s");
        }
    }

    private static IpcServer start(Path socket, ChatRoom room) {
        return ExampleFailure.reporting(() -> IpcServer.builder()
                .listen(Endpoint.unix(socket))
                .serve(RoomProtocol.service(room))
                .connectionListener(room)
                .start());
    }
}
