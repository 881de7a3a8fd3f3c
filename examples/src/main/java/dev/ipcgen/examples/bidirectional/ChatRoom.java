package dev.ipcgen.examples.bidirectional;

import dev.ipcgen.runtime.CallContext;
import dev.ipcgen.runtime.ConnectionListener;
import dev.ipcgen.runtime.Peer;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The server side of the bidirectional example: a chat room. Members call it ({@code join},
 * {@code say}); it calls them back on the same connection, once while a member's {@code join} is
 * still in flight ({@code whoami}) and as pushes ({@code heard}, one-way) whenever someone speaks.
 * It forgets a member when its connection closes.
 */
public final class ChatRoom implements RoomProtocol.Handler, ConnectionListener {

    private final PrintStream log;
    /** Members by their connection; a {@link Peer} is equal across calls of one connection. */
    private final Map<Peer, String> members = new ConcurrentHashMap<>();
    private final CountDownLatch closeRequested = new CountDownLatch(1);

    /** @param log where the room prints what happens */
    public ChatRoom(PrintStream log) {
        this.log = log;
    }

    @Override
    public RoomProtocol.JoinResponse join(RoomProtocol.JoinRequest request, CallContext context) throws Exception {
        // A call back to the caller while its own call waits for this answer: both directions busy
        // on one connection. Handlers may block on the default executor.
        MemberProtocol.WhoamiResponse who = MemberProtocol.sender(context.peer()).whoami().get(10, TimeUnit.SECONDS);
        log.println("[server] " + request.name() + " joins; asked whoami: name=" + who.name()
                + " heard=" + who.heard());
        if (!who.name().equals(request.name())) {
            throw new IllegalStateException("the member calls itself " + who.name() + ", not " + request.name());
        }
        members.put(context.peer(), request.name());
        if (context.isCancelled()) {
            // The connection closed meanwhile, perhaps before disconnected() could forget it.
            members.remove(context.peer());
        }
        return new RoomProtocol.JoinResponse(members.size());
    }

    @Override
    public RoomProtocol.SayResponse say(RoomProtocol.SayRequest request, CallContext context) {
        String from = members.get(context.peer());
        if (from == null) {
            throw new IllegalStateException("join the room before you speak");
        }
        log.println("[server] " + from + " says: " + request.text());
        int delivered = 0;
        for (Map.Entry<Peer, String> member : members.entrySet()) {
            if (!member.getKey().equals(context.peer())) {
                // A push: completes when written; the member does not answer.
                MemberProtocol.sender(member.getKey()).heard(from, request.text());
                delivered++;
            }
        }
        return new RoomProtocol.SayResponse(delivered);
    }

    @Override
    public RoomProtocol.CloseRoomResponse closeRoom(RoomProtocol.CloseRoomRequest request, CallContext context) {
        log.println("[server] close requested by " + members.getOrDefault(context.peer(), "a guest"));
        closeRequested.countDown();
        return new RoomProtocol.CloseRoomResponse(true);
    }

    @Override
    public void disconnected(Peer peer) {
        String name = members.remove(peer);
        if (name != null) {
            log.println("[server] " + name + " left");
        }
    }

    /** Blocks until a member asks the room to close. */
    public void awaitCloseRequest() throws InterruptedException {
        closeRequested.await();
    }
}
