package io.tradingcore.adapter.exchange.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/** Best bid/ask of one symbol at {@code ts}. */
public record Quote(String symbol, Instant ts, BigDecimal bid, BigDecimal ask, BigDecimal bidSize, BigDecimal askSize) {
    public Quote {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(ts, "ts");
        if (!Decimals.isPositive(bid) || !Decimals.isPositive(ask) || bid.compareTo(ask) > 0) {
            throw new IllegalArgumentException("quote needs 0 < bid <= ask, got " + bid + "/" + ask + " for " + symbol);
        }
        Objects.requireNonNull(bidSize, "bidSize");
        Objects.requireNonNull(askSize, "askSize");
    }

    /** (ask - bid) / mid in basis points, scale 18. */
    public BigDecimal spreadBps() {
        BigDecimal mid = bid.add(ask).divide(BigDecimal.valueOf(2), Decimals.SCALE + 4, RoundingMode.HALF_EVEN);
        return Decimals.value(ask.subtract(bid).multiply(Decimals.BPS).divide(mid, Decimals.SCALE + 4, RoundingMode.HALF_EVEN));
    }
}
