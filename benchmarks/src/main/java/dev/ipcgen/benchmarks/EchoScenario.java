package dev.ipcgen.benchmarks;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * The floor: a bare Netty epoll Unix-socket echo. Frames are a little-endian length prefix and
 * {@code payload} bytes; the server echoes each frame back without decoding it, and the client
 * runs its closed loop on its event loop, so there is no thread hand-off anywhere.
 */
final class EchoScenario implements LoadScenario {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, EpollIoHandler.newFactory());
    private final Channel serverChannel;
    private final Path socket;
    private final int payload;
    private Channel client;

    EchoScenario(Path socket, int payload) throws InterruptedException {
        if (!Epoll.isAvailable()) {
            throw new IllegalStateException("the echo floor needs native epoll: " + Epoll.unavailabilityCause());
        }
        this.socket = socket;
        this.payload = payload;
        serverChannel = new ServerBootstrap()
                .group(group)
                .channel(EpollServerDomainSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(frameDecoder(), new EchoHandler());
                    }
                })
                .bind(new DomainSocketAddress(socket.toString())).sync().channel();
    }

    private static LengthFieldBasedFrameDecoder frameDecoder() {
        // Keeps the length prefix in the frame, so the echo is the frame as it came.
        return new LengthFieldBasedFrameDecoder(ByteOrder.LITTLE_ENDIAN, 1 << 24, 0, 4, 0, 0, true);
    }

    @Override
    public void start(int inFlight, Recorder latencies, AtomicLong completed, AtomicLong errors)
            throws InterruptedException {
        ClosedLoopClient loop = new ClosedLoopClient(inFlight, payload, latencies, completed);
        client = new Bootstrap()
                .group(group)
                .channel(EpollDomainSocketChannel.class)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(frameDecoder(), loop);
                    }
                })
                .connect(new DomainSocketAddress(socket.toString())).sync().channel();
    }

    @Override
    public String describe() {
        return "netty-echo transport=EPOLL";
    }

    @Override
    public void close() throws InterruptedException {
        if (client != null) {
            client.close().sync();
        }
        serverChannel.close().sync();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    /** Writes each frame back as it came; flushes once per read batch. */
    private static final class EchoHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg, ctx.voidPromise());
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // The client hanging up mid-echo at the end of a run is expected.
            ctx.close();
        }
    }

    /**
     * Keeps {@code inFlight} frames outstanding. Echoes come back in order, so a ring of start
     * times, owned by the event loop, matches each answer to its request.
     */
    private static final class ClosedLoopClient extends ChannelInboundHandlerAdapter {
        private final long[] starts;
        private final int payload;
        private final Recorder latencies;
        private final AtomicLong completed;
        private int head;
        private int tail;

        ClosedLoopClient(int inFlight, int payload, Recorder latencies, AtomicLong completed) {
            this.starts = new long[inFlight];
            this.payload = payload;
            this.latencies = latencies;
            this.completed = completed;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            for (int i = 0; i < starts.length; i++) {
                send(ctx);
            }
            ctx.flush();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ((ByteBuf) msg).release();
            long start = starts[head];
            head = (head + 1) % starts.length;
            latencies.recordValue(Math.min(System.nanoTime() - start, LoadGenerator.MAX_LATENCY_NANOS));
            completed.incrementAndGet();
            send(ctx);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        private void send(ChannelHandlerContext ctx) {
            ByteBuf frame = ctx.alloc().directBuffer(4 + payload);
            frame.writeIntLE(payload);
            frame.writeZero(payload);
            starts[tail] = System.nanoTime();
            tail = (tail + 1) % starts.length;
            ctx.write(frame, ctx.voidPromise());
        }
    }
}
