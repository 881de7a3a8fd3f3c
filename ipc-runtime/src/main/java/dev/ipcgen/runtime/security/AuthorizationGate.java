package dev.ipcgen.runtime.security;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLEngine;

/**
 * Holds a new connection back until its {@link Authorizer} has allowed it. Placed before the frame
 * decoder (after Netty's {@code SslHandler} on TLS), it reads the peer's credentials when the
 * channel becomes active, waits for the TLS handshake if there is one, and asks the authorizer once:
 *
 * <ul>
 *   <li>allowed: stores the request under {@link #PEER}, passes {@code channelActive} on (so the
 *       handlers behind it, which send HELLO there, start only now), then any bytes that arrived
 *       meanwhile, and removes itself;</li>
 *   <li>denied: writes the refusal its {@link RefusalEncoder} makes ({@code ERROR UNAUTHORIZED},
 *       code 11, call id 0, instead of HELLO), shuts its output, drops everything the peer sends, and
 *       closes when the peer does, or after {@value #LINGER_MILLIS} ms. (Closing at once, with the
 *       peer's HELLO unread, would make the kernel reset the connection, and the peer could lose the
 *       refusal.) The handlers behind it see neither {@code channelActive}, nor a byte, nor
 *       {@code channelInactive}.</li>
 * </ul>
 *
 * <p>Until it has allowed the connection the gate also keeps exceptions (e.g. a failed TLS
 * handshake, which {@code SslHandler} reports) from the handlers behind it and closes the channel;
 * to count those, listen to the handshake future.
 *
 * <p>What it holds while waiting stays small: without TLS it decides before the first read, and
 * with TLS no application bytes come out of the handshake before it succeeds.
 *
 * <p>Not sharable: one per channel.
 */
public final class AuthorizationGate extends ChannelInboundHandlerAdapter {

    /** The allowed connection's {@link AuthorizationRequest}: credentials, address and TLS certificate. */
    public static final AttributeKey<AuthorizationRequest> PEER =
            AttributeKey.valueOf(AuthorizationGate.class, "peer");

    /** Makes the refusal frame: {@code ERROR} with call id 0, code {@code UNAUTHORIZED} (11) and the reason. */
    @FunctionalInterface
    public interface RefusalEncoder {
        /** The whole frame, length prefix included, allocated from {@code alloc}. */
        ByteBuf encode(ByteBufAllocator alloc, String reason);
    }

    /** How long a refused connection stays half-open for the peer to read the refusal and close. */
    public static final long LINGER_MILLIS = 2000;

    private enum State { WAITING, ALLOWED, DENIED }

    private final Authorizer authorizer;
    private final RefusalEncoder refusal;
    private final BiConsumer<AuthorizationRequest, AuthorizationDecision> observer;
    private final SSLEngine tlsEngine;
    private final Future<Channel> tlsHandshake;
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private State state = State.WAITING;
    private PeerCredentials credentials = PeerCredentials.unknown();

    private AuthorizationGate(Authorizer authorizer, RefusalEncoder refusal,
            BiConsumer<AuthorizationRequest, AuthorizationDecision> observer, SSLEngine tlsEngine,
            Future<Channel> tlsHandshake) {
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.refusal = Objects.requireNonNull(refusal, "refusal");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.tlsEngine = tlsEngine;
        this.tlsHandshake = tlsHandshake;
    }

    /**
     * A gate for a connection without TLS: it decides as soon as the channel is active.
     *
     * @param observer told every decision, e.g. to count and log refusals
     */
    public static AuthorizationGate forConnection(Authorizer authorizer, RefusalEncoder refusal,
            BiConsumer<AuthorizationRequest, AuthorizationDecision> observer) {
        return new AuthorizationGate(authorizer, refusal, observer, null, null);
    }

    /**
     * A gate for a TLS connection: it decides when {@code handshake} succeeds, with the peer
     * certificate of {@code engine}'s session. (In Netty: {@code sslHandler.engine()} and
     * {@code sslHandler.handshakeFuture()}.) A failed handshake is the TLS handler's to report; the
     * gate then decides nothing.
     */
    public static AuthorizationGate afterTlsHandshake(Authorizer authorizer, RefusalEncoder refusal,
            BiConsumer<AuthorizationRequest, AuthorizationDecision> observer, SSLEngine engine,
            Future<Channel> handshake) {
        return new AuthorizationGate(authorizer, refusal, observer, Objects.requireNonNull(engine, "engine"),
                Objects.requireNonNull(handshake, "handshake"));
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        credentials = PeerCredentialsReader.read(ctx.channel());
        if (tlsHandshake == null) {
            decide(ctx, Optional.empty());
        } else {
            tlsHandshake.addListener(done -> {
                if (done.isSuccess()) {
                    decide(ctx, TlsPeer.certificate(tlsEngine.getSession()));
                }
            });
        }
    }

    private void decide(ChannelHandlerContext ctx, Optional<X509Certificate> certificate) {
        if (state != State.WAITING) {
            return;
        }
        SocketAddress remote = ctx.channel().remoteAddress();
        if (remote == null) {
            // Already disconnected: nobody to authorize, and held bytes go at channelInactive.
            ctx.close();
            return;
        }
        AuthorizationRequest request = new AuthorizationRequest(credentials, remote, certificate);
        AuthorizationDecision decision = Authorizers.decide(authorizer, request);
        observer.accept(request, decision);
        if (decision.allowed()) {
            state = State.ALLOWED;
            ctx.channel().attr(PEER).set(request);
            ctx.fireChannelActive();
            boolean any = !held.isEmpty();
            while (!held.isEmpty()) {
                ctx.fireChannelRead(held.poll());
            }
            if (any) {
                ctx.fireChannelReadComplete();
            }
            ctx.pipeline().remove(this);
        } else {
            state = State.DENIED;
            releaseHeld();
            Channel channel = ctx.channel();
            ctx.writeAndFlush(refusal.encode(ctx.alloc(), decision.reason())).addListener(written -> {
                if (written.isSuccess() && channel instanceof DuplexChannel) {
                    ((DuplexChannel) channel).shutdownOutput();
                } else {
                    channel.close();
                }
            });
            ScheduledFuture<?> linger = ctx.executor().schedule(() -> channel.close(), LINGER_MILLIS,
                    TimeUnit.MILLISECONDS);
            channel.closeFuture().addListener(closed -> linger.cancel(false));
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        switch (state) {
            case WAITING:
                held.add(msg);
                break;
            case DENIED:
                ReferenceCountUtil.release(msg);
                break;
            default:
                ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (state == State.ALLOWED) {
            ctx.fireChannelReadComplete();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseHeld();
        if (state == State.ALLOWED) {
            ctx.fireChannelInactive();
        }
    }

    /** Before the decision (a failed TLS handshake, say) the handlers behind are not told: the gate closes. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (state == State.ALLOWED) {
            ctx.fireExceptionCaught(cause);
        } else {
            ctx.close();
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseHeld();
    }

    private void releaseHeld() {
        while (!held.isEmpty()) {
            ReferenceCountUtil.release(held.poll());
        }
    }
}
