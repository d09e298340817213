package io.tradingcore.domain;

import java.util.Objects;
import java.util.UUID;

/** Typed id (UUID). Deterministic instances come from {@link DeterministicIds}, never from randomUUID. */
public record OrderId(UUID value) implements Comparable<OrderId> {
    public OrderId {
        Objects.requireNonNull(value, "OrderId.value");
    }

    public static OrderId of(String uuid) {
        return new OrderId(UUID.fromString(uuid));
    }

    @Override
    public int compareTo(OrderId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
