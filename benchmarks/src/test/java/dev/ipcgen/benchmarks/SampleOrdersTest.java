package dev.ipcgen.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipcgen.vectors.Order;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SampleOrdersTest {

    /** {@code order_shipped} of /work/shared/vectors/bincode1.jsonl: the sample order minus its third item. */
    private static final String ORDER_SHIPPED_HEX = "8913000000000000"
            + "0100000000000000" + "0500000000000000" + "416c696365"
            + "01" + "1100000000000000" + "616c696365406578616d706c652e636f6d"
            + "0200000000000000" + "00000000" + "02000000"
            + "0200000000000000"
            + "0500000000000000" + "534b552d31" + "02000000" + "7b14ae47e1fa2340"
            + "0500000000000000" + "534b552d32" + "01000000" + "000000000000e03f"
            + "0008000000000000"
            + "01000000" + "0300000000000000" + "555053" + "01" + "0500000000000000" + "315a393939"
            + "0200000000000000"
            + "0400000000000000" + "67696674" + "0300000000000000" + "796573"
            + "0600000000000000" + "736f75726365" + "0300000000000000" + "776562";

    @Test
    void sampleOrder_withoutItsThirdItem_encodesAsTheGoldenVector() {
        Order sample = SampleOrders.shipped();
        Order vector = new Order(sample.id(), sample.customer(), sample.items().subList(0, 2),
                sample.totalCents(), sample.status(), sample.metadata());
        ByteBuf out = Unpooled.buffer();
        try {
            Order.CODEC.encode(out, vector);
            assertThat(ByteBufUtil.hexDump(out)).isEqualTo(ORDER_SHIPPED_HEX);
        } finally {
            out.release();
        }
    }

    @Test
    void sampleOrder_decodesToAnEqualOrder() {
        Order sample = SampleOrders.shipped();
        ByteBuf buf = Unpooled.buffer();
        try {
            Order.CODEC.encode(buf, sample);
            assertThat(Order.CODEC.decode(buf)).isEqualTo(sample);
            assertThat(buf.isReadable()).isFalse();
        } finally {
            buf.release();
        }
    }

    @Test
    void serializableMirror_holdsTheSameDataAndSurvivesJavaSerialization() throws Exception {
        Order sample = SampleOrders.shipped();
        SerializableOrder mirror = SerializableOrder.from(sample);
        assertThat(mirror.customer().email()).isEqualTo(sample.customer().email().orElseThrow());
        assertThat(mirror.items()).extracting(SerializableOrder.Item::sku).containsExactly("SKU-1", "SKU-2", "SKU-3");
        assertThat(mirror.status()).isEqualTo(new SerializableOrder.Shipped("UPS", "1Z999"));
        assertThat(mirror.metadata()).containsExactlyEntriesOf(sample.metadata());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(mirror);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(mirror);
        }
    }

    @Test
    void serializableMirror_mapsAbsentValuesToNull() {
        Order sample = SampleOrders.shipped();
        Order sparse = new Order(sample.id(),
                new dev.ipcgen.vectors.User(2, "Bob", Optional.empty(), List.of()),
                sample.items(), sample.totalCents(),
                new dev.ipcgen.vectors.OrderStatus.Shipped("DHL", Optional.empty()), sample.metadata());
        SerializableOrder mirror = SerializableOrder.from(sparse);
        assertThat(mirror.customer().email()).isNull();
        assertThat(mirror.status()).isEqualTo(new SerializableOrder.Shipped("DHL", null));
    }
}
