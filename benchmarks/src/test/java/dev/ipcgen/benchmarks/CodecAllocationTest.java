package dev.ipcgen.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.vectors.Order;
import dev.ipcgen.vectors.Role;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/**
 * What {@link CodecBenchmark} measures, as exact byte counts: encoding the sample {@link Order}
 * allocates nothing, and decoding it allocates exactly the objects of the order it returns.
 *
 * <p>Counted with the JVM's per-thread allocation counter, on a Netty
 * {@link FastThreadLocalThread} as the runtime's event loop and workers are (there Netty reuses
 * one scratch array for decoding strings; JMH's own thread gets a new one per string). The
 * buffers wrap direct {@link ByteBuffer}s, so the leak detector (PARANOID in tests, which records
 * every access) is not involved. The count holds in the interpreter as after compilation: the
 * codec has no temporary objects that escape analysis would have to remove.
 */
class CodecAllocationTest {

    static {
        // JDK 17 hides the field offsets JOL reads by default; this asks it to find them itself.
        System.setProperty("jol.magicFieldOffset", "true");
        // Sizes come from field offsets and array scales; attaching agents would only take seconds.
        System.setProperty("jol.skipDynamicAttach", "true");
        System.setProperty("jol.skipHotspotSAAttach", "true");
    }

    /** Operations per measurement. */
    private static final int OPS = 200;
    /** Measurements: the least of them counts, as one may include the JIT's work (objects rebuilt on deoptimization). */
    private static final int MEASUREMENTS = 50;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * The fewest bytes {@link #OPS} runs of {@code op} allocated, over {@link #MEASUREMENTS}
     * measurements on a new FastThreadLocalThread, after as many runs to load classes.
     */
    private static long leastAllocated(Runnable op) throws InterruptedException {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new FastThreadLocalThread(() -> {
            try {
                for (int i = 0; i < OPS; i++) {
                    op.run();
                }
                long least = Long.MAX_VALUE;
                for (int m = 0; m < MEASUREMENTS; m++) {
                    long before = THREADS.getCurrentThreadAllocatedBytes();
                    for (int i = 0; i < OPS; i++) {
                        op.run();
                    }
                    least = Math.min(least, THREADS.getCurrentThreadAllocatedBytes() - before);
                }
                result.set(least);
            } catch (Throwable e) {
                result.set(e);
            }
        });
        t.start();
        t.join();
        if (result.get() instanceof Throwable e) {
            throw new AssertionError(e);
        }
        return (Long) result.get();
    }

    private static ByteBuf direct(int capacity) {
        return Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(capacity)).clear();
    }

    @Test
    void encode_allocatesNothing() throws InterruptedException {
        Order order = SampleOrders.shipped();
        ByteBuf out = direct(1024);
        long bytes = leastAllocated(() -> Order.CODEC.encode(out.clear(), order));
        assertThat(bytes).as("bytes allocated by %d encodes", OPS).isZero();
    }

    @Test
    void decode_allocatesOnlyTheOrderItReturns() throws InterruptedException {
        Order order = SampleOrders.shipped();
        ByteBuf in = direct(1024);
        Order.CODEC.encode(in, order);
        in.markReaderIndex();
        Order[] last = new Order[1];
        long bytes = leastAllocated(() -> last[0] = Order.CODEC.decode(in.resetReaderIndex()));
        Order decoded = last[0];
        assertThat(decoded).isEqualTo(order);
        // The enum constants the order refers to exist already; everything else is new.
        long orderSize = GraphLayout.parseInstance(decoded)
                .subtract(GraphLayout.parseInstance((Object[]) Role.values())).totalSize();
        assertThat(bytes).as("bytes allocated by %d decodes", OPS).isEqualTo(OPS * orderSize);
    }
}
