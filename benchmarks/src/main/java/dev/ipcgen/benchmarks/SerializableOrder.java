package dev.ipcgen.benchmarks;

import dev.ipcgen.vectors.Order;
import dev.ipcgen.vectors.OrderStatus;
import dev.ipcgen.vectors.Role;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same data as a generated {@link Order}, in a shape Java serialization accepts: the
 * generated records hold {@code Optional}, which is not {@code Serializable}, so absent values are
 * nulls here, and collections are the JDK's serializable {@code ArrayList} and
 * {@code LinkedHashMap}.
 */
public record SerializableOrder(
        long id,
        Customer customer,
        List<Item> items,
        long totalCents,
        Status status,
        Map<String, String> metadata) implements Serializable {

    /** Mirror of {@code User}; {@code email} may be null. */
    public record Customer(long id, String name, String email, List<Role> roles) implements Serializable {
    }

    /** Mirror of {@code LineItem}. */
    public record Item(String sku, long qty, double unitPrice) implements Serializable {
    }

    /** Mirror of {@code OrderStatus}. */
    public sealed interface Status extends Serializable {
    }

    /** Mirror of {@code OrderStatus.Pending}. */
    public record Pending() implements Status {
    }

    /** Mirror of {@code OrderStatus.Shipped}; {@code tracking} may be null. */
    public record Shipped(String carrier, String tracking) implements Status {
    }

    /** Mirror of {@code OrderStatus.Cancelled}. */
    public record Cancelled(String reason) implements Status {
    }

    /** Copies {@code order} into the mirror. */
    public static SerializableOrder from(Order order) {
        var user = order.customer();
        var items = new ArrayList<Item>(order.items().size());
        for (var item : order.items()) {
            items.add(new Item(item.sku(), item.qty(), item.unitPrice()));
        }
        return new SerializableOrder(
                order.id(),
                new Customer(user.id(), user.name(), user.email().orElse(null), new ArrayList<>(user.roles())),
                items,
                order.totalCents(),
                status(order.status()),
                new LinkedHashMap<>(order.metadata()));
    }

    private static Status status(OrderStatus status) {
        if (status instanceof OrderStatus.Shipped shipped) {
            return new Shipped(shipped.carrier(), shipped.tracking().orElse(null));
        }
        if (status instanceof OrderStatus.Cancelled cancelled) {
            return new Cancelled(cancelled.value());
        }
        return new Pending();
    }
}
