package dev.ipcgen.examples.bidirectional;

import dev.ipcgen.runtime.CallContext;
import java.io.PrintStream;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side's handler in the bidirectional example: what a member answers when the room
 * calls it. It prints every line pushed to it and counts them.
 */
public final class ChatMember implements MemberProtocol.Handler {

    private final String name;
    private final PrintStream out;
    private final AtomicInteger heard = new AtomicInteger();
    private final Semaphore lines = new Semaphore(0);

    /** A member called {@code name}, printing to {@code out}. */
    public ChatMember(String name, PrintStream out) {
        this.name = name;
        this.out = out;
    }

    @Override
    public MemberProtocol.WhoamiResponse whoami(MemberProtocol.WhoamiRequest request, CallContext context) {
        out.println("[" + name + "] the room asks whoami; answering " + name);
        return new MemberProtocol.WhoamiResponse(name, heard.get());
    }

    @Override
    public void heard(MemberProtocol.HeardRequest request, CallContext context) {
        out.println("[" + name + "] heard " + request.from() + ": " + request.text());
        heard.incrementAndGet();
        lines.release();
    }

    /** Waits until {@code count} more lines were heard; false after {@code seconds}. */
    public boolean awaitLines(int count, long seconds) throws InterruptedException {
        return lines.tryAcquire(count, seconds, TimeUnit.SECONDS);
    }

    /** The member's name. */
    public String name() {
        return name;
    }
}
