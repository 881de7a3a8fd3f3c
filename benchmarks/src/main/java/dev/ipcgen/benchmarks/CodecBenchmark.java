package dev.ipcgen.benchmarks;

import dev.ipcgen.vectors.Order;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Encoding and decoding one {@link Order} ({@link SampleOrders#shipped()}) with the generated
 * bincode codec, next to the same data through Java serialization.
 *
 * <p>The codec benchmarks reuse pooled direct buffers, as the runtime reuses frame buffers, so
 * with {@code -prof gc} the {@code gc.alloc.rate.norm} of {@code encode} is what the codec itself
 * allocates (0 B: records hold an {@code OrderedMap} and an {@code ImmutableList}, walked by
 * position) and that of {@code decode} is the decoded objects plus any waste. JMH's thread is not
 * a Netty {@code FastThreadLocalThread}, so here Netty's {@code ByteBufUtil.decodeString} takes a
 * new scratch array per string (the sample's 11 strings: 280 B on a 64-bit JVM with compressed
 * references), which the runtime's event loop and worker threads reuse instead; the rest is the
 * order itself (968 B). {@code CodecAllocationTest} checks both counts exactly.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks-0.1.0-SNAPSHOT-all.jar org.openjdk.jmh.Main CodecBenchmark \
 *     -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {

    private Order order;
    private SerializableOrder serializableOrder;
    private ByteBuf encodeBuffer;
    private ByteBuf decodeBuffer;
    private ByteArrayOutputStream serializedOut;
    private byte[] serialized;

    /** Builds the order, its encodings and the buffers every invocation reuses. */
    @Setup
    public void setUp() throws IOException {
        order = SampleOrders.shipped();
        serializableOrder = SerializableOrder.from(order);
        encodeBuffer = PooledByteBufAllocator.DEFAULT.directBuffer(1024);
        decodeBuffer = PooledByteBufAllocator.DEFAULT.directBuffer(1024);
        Order.CODEC.encode(decodeBuffer, order);
        decodeBuffer.markReaderIndex();
        serializedOut = new ByteArrayOutputStream(1024);
        javaSerialize();
        serialized = serializedOut.toByteArray();
    }

    /** Gives the pooled buffers back. */
    @TearDown
    public void tearDown() {
        encodeBuffer.release();
        decodeBuffer.release();
    }

    /** Generated codec: the order into the reused direct buffer. */
    @Benchmark
    public void encode(Blackhole blackhole) {
        ByteBuf out = encodeBuffer.clear();
        Order.CODEC.encode(out, order);
        blackhole.consume(out);
    }

    /** Generated codec: a new order from the prepared bytes. */
    @Benchmark
    public void decode(Blackhole blackhole) {
        decodeBuffer.resetReaderIndex();
        blackhole.consume(Order.CODEC.decode(decodeBuffer));
    }

    /** Java serialization: the mirror into a reused byte stream (a stream header per order). */
    @Benchmark
    public void javaSerializationEncode(Blackhole blackhole) throws IOException {
        javaSerialize();
        blackhole.consume(serializedOut);
    }

    /** Java serialization: a new mirror from the prepared bytes. */
    @Benchmark
    public void javaSerializationDecode(Blackhole blackhole) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialized))) {
            blackhole.consume(in.readObject());
        }
    }

    /** A new ObjectOutputStream per order: one stream holding many orders would write back-references. */
    private void javaSerialize() throws IOException {
        serializedOut.reset();
        try (ObjectOutputStream out = new ObjectOutputStream(serializedOut)) {
            out.writeObject(serializableOrder);
        }
    }
}
