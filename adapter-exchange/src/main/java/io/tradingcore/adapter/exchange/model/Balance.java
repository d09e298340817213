package io.tradingcore.adapter.exchange.model;

import java.math.BigDecimal;
import java.util.Objects;

/** Free (available) and locked (held by open orders) amounts of one asset. */
public record Balance(BigDecimal free, BigDecimal locked) {
    public Balance {
        Objects.requireNonNull(free, "free");
        Objects.requireNonNull(locked, "locked");
    }

    public BigDecimal total() {
        return free.add(locked);
    }
}
