package io.tradingcore.domain;

import java.util.Objects;

/** The venue's id of one trade (fill); with the order id it identifies a fill exactly once. */
public record ExchangeTradeId(String value) implements Comparable<ExchangeTradeId> {
    public ExchangeTradeId {
        Objects.requireNonNull(value, "ExchangeTradeId.value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("ExchangeTradeId must not be blank");
        }
    }

    @Override
    public int compareTo(ExchangeTradeId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
