package dev.ipcgen.benchmarks;

import dev.ipcgen.vectors.LineItem;
import dev.ipcgen.vectors.Order;
import dev.ipcgen.vectors.OrderStatus;
import dev.ipcgen.vectors.Role;
import dev.ipcgen.vectors.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link Order} the codec benchmarks encode and decode. */
public final class SampleOrders {

    private SampleOrders() {
    }

    /**
     * A realistic order: the values of the {@code order_shipped} golden vector
     * (/work/shared/vectors/bincode1.jsonl) with a third line item, so it has a customer with two
     * roles, three line items, a shipped status with carrier and tracking, and two metadata entries.
     * All text is ASCII, as most identifiers and codes are.
     */
    public static Order shipped() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("gift", "yes");
        metadata.put("source", "web");
        return new Order(
                5001,
                new User(1, "Alice", Optional.of("alice@example.com"), List.of(Role.Admin, Role.Viewer)),
                List.of(
                        new LineItem("SKU-1", 2, 9.99),
                        new LineItem("SKU-2", 1, 0.5),
                        new LineItem("SKU-3", 5, 12.25)),
                2048,
                new OrderStatus.Shipped("UPS", Optional.of("1Z999")),
                metadata);
    }
}
