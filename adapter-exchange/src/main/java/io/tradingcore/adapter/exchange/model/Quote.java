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

    /**
     * (ask - bid) / bid in basis points at scale 8, HALF_EVEN: the same figure as order_book_snapshot.spread_bps
     * (NUMERIC(12,8)) and the domain's BookSnapshot.spreadBps(), so a replay from the database gives the same fills.
     */
    public BigDecimal spreadBps() {
        return ask.subtract(bid).multiply(Decimals.BPS).divide(bid, 8, RoundingMode.HALF_EVEN);
    }
}
