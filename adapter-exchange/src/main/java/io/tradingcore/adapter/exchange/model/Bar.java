package io.tradingcore.adapter.exchange.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** An hourly candle of one symbol; it covers [openTime, openTime + 1h). */
public record Bar(String symbol, Instant openTime, BigDecimal open, BigDecimal high, BigDecimal low,
                  BigDecimal close, BigDecimal volume) {
    public Bar {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(openTime, "openTime");
        if (!Decimals.isPositive(open) || !Decimals.isPositive(high) || !Decimals.isPositive(low) || !Decimals.isPositive(close)) {
            throw new IllegalArgumentException("bar prices must be > 0: " + symbol + " " + openTime);
        }
        if (low.compareTo(high) > 0 || open.compareTo(low) < 0 || open.compareTo(high) > 0
                || close.compareTo(low) < 0 || close.compareTo(high) > 0) {
            throw new IllegalArgumentException("bar must satisfy low <= open,close <= high: " + symbol + " " + openTime);
        }
        if (volume == null || volume.signum() < 0) {
            throw new IllegalArgumentException("bar volume must be >= 0: " + symbol + " " + openTime);
        }
        if (openTime.getEpochSecond() % 3600 != 0 || openTime.getNano() != 0) {
            throw new IllegalArgumentException("bar openTime must be hour aligned: " + openTime);
        }
    }

    public Instant closeTime() {
        return openTime.plusSeconds(3600);
    }
}
